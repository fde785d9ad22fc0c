#pragma once
// Settings > Model library: the models folder and the extra folders (edited here, applied at once;
// each checked as it is added, and removable), every entry the library found (checkpoints,
// diffusers folders, VAEs, LoRAs, embeddings, ControlNets, unreadable files with the reason) with its kind, size and short hash behind a
// search field, and Rescan. Not modal.
#include <QDialog>
#include <QHash>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace gesso::ui {

class ModelLibrary;

class ModelLibraryDialog : public QDialog {
  Q_OBJECT

 public:
  // Asks for a folder; "" when cancelled. Replaceable so that tests need no modal dialog.
  using FolderChooser = std::function<QString(QWidget* parent, const QString& start)>;

  ModelLibraryDialog(ModelLibrary& library, QWidget* parent = nullptr);

  void setFolderChooser(FolderChooser chooser) { m_choose = std::move(chooser); }
  QString root() const;
  QStringList extraFolders() const;
  // Rows the search shows, of all the library's entries.
  int shownCount() const;

 signals:
  // The user changed the folders: the window saves them, gives them to the library and rescans.
  void foldersChanged(const QString& root, const QStringList& extraFolders);
  void rescanRequested();

 private:
  QWidget* buildFolders();
  void fillTable();
  void updateHash(const QString& path, const QString& sha256);
  void updateStatus();
  void addExtraFolder();
  void removeExtraFolder();
  void chooseRoot();
  void emitFolders();

  ModelLibrary& m_library;
  FolderChooser m_choose;
  QLineEdit* m_root = nullptr;
  QListWidget* m_extra = nullptr;
  QLineEdit* m_search = nullptr;
  QStandardItemModel* m_model = nullptr;
  QSortFilterProxyModel* m_proxy = nullptr;
  QTableView* m_table = nullptr;
  QLabel* m_status = nullptr;
  QLabel* m_folderError = nullptr;  // why the last folder chosen was not added
  QHash<QString, int> m_rows;  // path -> row of m_model
};

}  // namespace gesso::ui
