#include "ui/model_library_dialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/model_library.h"

namespace gesso::ui {

namespace {

enum Column { kName, kKind, kSize, kHash, kFolder, kColumns };

QString defaultChooser(QWidget* parent, const QString& start) {
  return QFileDialog::getExistingDirectory(parent, ModelLibraryDialog::tr("Choose a folder of models"), start);
}

}  // namespace

ModelLibraryDialog::ModelLibraryDialog(ModelLibrary& library, QWidget* parent)
    : QDialog(parent), m_library(library), m_choose(defaultChooser) {
  setObjectName("modelLibraryDialog");
  setWindowTitle(tr("Model library"));
  resize(900, 600);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(buildFolders());
  m_search = new QLineEdit(this);
  m_search->setObjectName("librarySearchEdit");
  m_search->setPlaceholderText(tr("Search the library"));
  m_search->setClearButtonEnabled(true);
  layout->addWidget(m_search);
  m_model = new QStandardItemModel(0, kColumns, this);
  m_model->setHorizontalHeaderLabels({tr("Name"), tr("Kind"), tr("Size"), tr("Hash"), tr("Folder")});
  m_proxy = new QSortFilterProxyModel(this);
  m_proxy->setSourceModel(m_model);
  m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  m_proxy->setFilterKeyColumn(-1);  // any column
  m_proxy->setSortRole(Qt::UserRole);
  m_table = new QTableView(this);
  m_table->setObjectName("libraryTable");
  m_table->setModel(m_proxy);
  m_table->setSortingEnabled(true);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->horizontalHeader()->setSectionResizeMode(kName, QHeaderView::Stretch);
  m_table->verticalHeader()->hide();
  layout->addWidget(m_table, 1);
  m_status = new QLabel(this);
  m_status->setObjectName("libraryStatus");
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  QPushButton* rescan = buttons->addButton(tr("Rescan"), QDialogButtonBox::ActionRole);
  rescan->setObjectName("rescanButton");
  rescan->setToolTip(tr("Scan the folders again (new files are hashed in the background)"));
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(m_status, 1);
  bottom->addWidget(buttons);
  layout->addLayout(bottom);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  connect(rescan, &QPushButton::clicked, this, &ModelLibraryDialog::rescanRequested);
  connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
    m_proxy->setFilterFixedString(text.trimmed());
    updateStatus();
  });
  connect(&m_library, &ModelLibrary::entriesChanged, this, &ModelLibraryDialog::fillTable);
  connect(&m_library, &ModelLibrary::hashComputed, this, &ModelLibraryDialog::updateHash);
  connect(&m_library, &ModelLibrary::hashingFinished, this, &ModelLibraryDialog::updateStatus);
  connect(&m_library, &ModelLibrary::scanStarted, this, &ModelLibraryDialog::updateStatus);
  fillTable();
}

QWidget* ModelLibraryDialog::buildFolders() {
  auto* box = new QWidget(this);
  auto* form = new QFormLayout(box);
  form->setContentsMargins(0, 0, 0, 0);
  auto* rootRow = new QHBoxLayout;
  m_root = new QLineEdit(QDir::toNativeSeparators(m_library.root()), box);
  m_root->setObjectName("modelsRootEdit");
  m_root->setToolTip(tr("AUTOMATIC1111's models folder: checkpoints in Stable-diffusion, and VAE, Lora, "
                        "embeddings, ControlNet (created when missing). An A1111 models folder works as it is; add a ComfyUI one "
                        "as an extra folder."));
  auto* browse = new QPushButton(tr("Browse…"), box);
  rootRow->addWidget(m_root, 1);
  rootRow->addWidget(browse);
  form->addRow(tr("Models folder"), rootRow);
  auto* extraRow = new QHBoxLayout;
  m_extra = new QListWidget(box);
  m_extra->setObjectName("extraFoldersList");
  m_extra->setToolTip(tr("More folders to scan, each with all its subfolders"));
  m_extra->setMaximumHeight(90);
  for (const QString& folder : m_library.extraFolders()) m_extra->addItem(QDir::toNativeSeparators(folder));
  auto* extraButtons = new QVBoxLayout;
  auto* add = new QPushButton(tr("Add…"), box);
  add->setObjectName("addExtraFolderButton");
  auto* remove = new QPushButton(tr("Remove"), box);
  remove->setObjectName("removeExtraFolderButton");
  extraButtons->addWidget(add);
  extraButtons->addWidget(remove);
  extraButtons->addStretch(1);
  extraRow->addWidget(m_extra, 1);
  extraRow->addLayout(extraButtons);
  form->addRow(tr("Extra folders"), extraRow);
  m_folderError = new QLabel(box);
  m_folderError->setObjectName("extraFolderError");
  m_folderError->setWordWrap(true);
  m_folderError->setStyleSheet(QStringLiteral("color: #c0392b;"));
  m_folderError->hide();
  form->addRow(m_folderError);
  // Remove acts on the selected folder: off while none is.
  remove->setEnabled(false);
  connect(m_extra, &QListWidget::currentRowChanged, remove, [remove](int row) { remove->setEnabled(row >= 0); });
  connect(browse, &QPushButton::clicked, this, &ModelLibraryDialog::chooseRoot);
  connect(m_root, &QLineEdit::editingFinished, this, [this] {
    if (QDir::cleanPath(QDir::fromNativeSeparators(m_root->text().trimmed())) != m_library.root()) emitFolders();
  });
  connect(add, &QPushButton::clicked, this, &ModelLibraryDialog::addExtraFolder);
  connect(remove, &QPushButton::clicked, this, &ModelLibraryDialog::removeExtraFolder);
  return box;
}

QString ModelLibraryDialog::root() const { return QDir::cleanPath(QDir::fromNativeSeparators(m_root->text().trimmed())); }

QStringList ModelLibraryDialog::extraFolders() const {
  QStringList folders;
  for (int i = 0; i < m_extra->count(); ++i) folders << QDir::cleanPath(QDir::fromNativeSeparators(m_extra->item(i)->text()));
  return folders;
}

int ModelLibraryDialog::shownCount() const { return m_proxy->rowCount(); }

void ModelLibraryDialog::emitFolders() { emit foldersChanged(root(), extraFolders()); }

void ModelLibraryDialog::chooseRoot() {
  const QString chosen = m_choose ? m_choose(this, root()) : QString();
  if (chosen.isEmpty()) return;
  m_root->setText(QDir::toNativeSeparators(QDir::cleanPath(chosen)));
  emitFolders();
}

// Checked as it is added (it exists, is a folder, is not scanned already), not first at a scan.
void ModelLibraryDialog::addExtraFolder() {
  const QString chosen = m_choose ? m_choose(this, QString()) : QString();
  if (chosen.isEmpty()) return;
  const QString problem = ModelLibrary::extraFolderProblem(chosen, root(), extraFolders());
  m_folderError->setText(problem);
  m_folderError->setVisible(!problem.isEmpty());
  if (!problem.isEmpty()) return;
  m_extra->addItem(QDir::toNativeSeparators(QDir::cleanPath(chosen)));
  m_extra->setCurrentRow(m_extra->count() - 1);
  emitFolders();
}

void ModelLibraryDialog::removeExtraFolder() {
  const int row = m_extra->currentRow();
  if (row < 0) return;
  delete m_extra->takeItem(row);
  m_folderError->hide();
  emitFolders();
}

void ModelLibraryDialog::fillTable() {
  m_model->removeRows(0, m_model->rowCount());
  m_rows.clear();
  const QLocale locale;
  for (const ModelEntry& e : m_library.entries()) {
    QList<QStandardItem*> row;
    for (int c = 0; c < kColumns; ++c) row << new QStandardItem;
    row[kName]->setText(e.name);
    row[kKind]->setText(ModelLibrary::kindLabel(e));
    row[kSize]->setText(locale.formattedDataSize(e.size));
    row[kHash]->setText(e.shortHash());
    row[kFolder]->setText(e.subfolder.isEmpty() ? tr("extra folder") : e.subfolder);
    for (QStandardItem* item : row) {
      item->setToolTip(ModelLibrary::toolTip(e));
      item->setData(item->text(), Qt::UserRole);  // what the column sorts by
    }
    row[kSize]->setData(e.size, Qt::UserRole);
    m_rows.insert(e.path, m_model->rowCount());
    m_model->appendRow(row);
  }
  m_table->resizeColumnsToContents();
  updateStatus();
}

void ModelLibraryDialog::updateHash(const QString& path, const QString& sha256) {
  const auto it = m_rows.constFind(path);
  if (it == m_rows.constEnd()) return;
  m_model->item(*it, kHash)->setText(shortHash(sha256));
  m_model->item(*it, kHash)->setData(shortHash(sha256), Qt::UserRole);
  if (const ModelEntry* e = m_library.entry(path))
    for (int c = 0; c < kColumns; ++c) m_model->item(*it, c)->setToolTip(ModelLibrary::toolTip(*e));
  updateStatus();
}

void ModelLibraryDialog::updateStatus() {
  const int total = m_model->rowCount();
  QString text = shownCount() == total ? tr("%n entries", "", total) : tr("%1 of %2 shown").arg(shownCount()).arg(total);
  if (m_library.isScanning()) text += QStringLiteral(" — ") + tr("scanning…");
  else if (m_library.isHashing()) text += QStringLiteral(" — ") + tr("hashing…");
  m_status->setText(text);
}

}  // namespace gesso::ui
