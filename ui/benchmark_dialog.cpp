#include "ui/benchmark_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <functional>

#include "engine/pipelines/model_family.h"
#include "engine/pipelines/model_file.h"

namespace gesso::ui {

using pipelines::ModelFamily;
using pipelines::ModelFileKind;

namespace {

const QString kTxt2Img = QStringLiteral("SD - txt2img"), kImg2Img = QStringLiteral("SD - img2img"),
              kInpaint = QStringLiteral("SD - inpaint"), kControlNet = QStringLiteral("SD - controlnet"),
              kIF = QStringLiteral("IF"), kSdxl = QStringLiteral("SDXL - txt2img");

QString number(double v) { return QString::number(v, 'f', 2); }

}  // namespace

BenchmarkModels BenchmarkModels::fromEntries(const QList<ModelEntry>& entries) {
  BenchmarkModels m;
  const auto first = [&](const std::function<bool(const ModelEntry&)>& want) {
    for (const ModelEntry& e : entries)
      if (e.readable() && want(e)) return e.path;
    return QString();
  };
  const auto model = [](const ModelEntry& e, ModelFamily family, bool inpainting) {
    return e.isModel() && e.family == family && e.inpainting == inpainting;
  };
  m.sd = first([&](const ModelEntry& e) { return model(e, ModelFamily::kSD1, false); });
  if (m.sd.isEmpty()) m.sd = first([&](const ModelEntry& e) { return model(e, ModelFamily::kSD2, false); });
  m.inpaint = first([&](const ModelEntry& e) { return model(e, ModelFamily::kSD1, true); });
  if (m.inpaint.isEmpty()) m.inpaint = first([&](const ModelEntry& e) { return model(e, ModelFamily::kSD2, true); });
  // SD's ControlNet row: not an SDXL one (its family, where the file says it).
  m.controlnet = first([](const ModelEntry& e) {
    return e.kind == ModelFileKind::kControlNet && e.family != ModelFamily::kSDXL;
  });
  m.sdxl = first([&](const ModelEntry& e) { return model(e, ModelFamily::kSDXL, false); });
  m.ifStage1 = first([](const ModelEntry& e) { return e.family == ModelFamily::kIF; });
  m.ifStage2 = first([](const ModelEntry& e) { return e.family == ModelFamily::kIFSuperResolution; });
  m.ifStage3 = first([](const ModelEntry& e) { return e.family == ModelFamily::kSDUpscale; });
  return m;
}

const QStringList& BenchmarkDialog::pipelineNames() {
  static const QStringList names = {kTxt2Img, kImg2Img, kInpaint, kControlNet, kIF, kSdxl};
  return names;
}

QString BenchmarkDialog::defaultProgram() {
#ifdef Q_OS_WIN
  const QString name = QStringLiteral("gesso-bench.exe");
#else
  const QString name = QStringLiteral("gesso-bench");
#endif
  return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

BenchmarkDialog::BenchmarkDialog(const BenchmarkModels& models, QWidget* parent)
    : QDialog(parent), m_models(models), m_program(defaultProgram()) {
  setObjectName("benchmarkDialog");
  setWindowTitle(tr("Benchmark"));
  resize(760, 420);
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("Times each pipeline on this computer with the models of your library: denoising steps "
                              "per second (it/s, higher is faster) at batch 1 and 4, with the default settings and "
                              "with the Max speed preset. It takes a few minutes on a GPU."),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  m_table = new QTableWidget(this);
  m_table->setObjectName("benchmarkTable");
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  layout->addWidget(m_table, 1);
  m_notes = new QLabel(this);
  m_notes->setObjectName("benchmarkNotes");
  m_notes->setWordWrap(true);
  layout->addWidget(m_notes);
  m_status = new QLabel(this);
  m_status->setObjectName("benchmarkStatus");
  m_status->setWordWrap(true);
  layout->addWidget(m_status);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  m_run = buttons->addButton(tr("Run"), QDialogButtonBox::ActionRole);
  m_run->setObjectName("runBenchmarkButton");
  m_cancel = buttons->addButton(tr("Cancel run"), QDialogButtonBox::ActionRole);
  m_cancel->setObjectName("cancelBenchmarkButton");
  m_copy = buttons->addButton(tr("Copy as Markdown"), QDialogButtonBox::ActionRole);
  m_copy->setObjectName("copyMarkdownButton");
  m_copy->setToolTip(tr("Copy the table as Markdown, to paste into an issue or a forum post"));
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
  connect(m_run, &QPushButton::clicked, this, &BenchmarkDialog::start);
  connect(m_cancel, &QPushButton::clicked, this, &BenchmarkDialog::cancel);
  connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(markdown()); });
  // What the library lacks is known before the run: said in the dialog's words.
  const QString none = tr("no SD 1.x or 2.x model in the library");
  if (m_models.sd.isEmpty()) {
    for (const QString& p : {kTxt2Img, kImg2Img, kControlNet}) m_skipped.insert(p, none);
    if (m_models.inpaint.isEmpty()) m_skipped.insert(kInpaint, none);
  } else if (m_models.controlnet.isEmpty()) {
    m_skipped.insert(kControlNet, tr("no ControlNet in the library"));
  }
  if (m_models.ifStage1.isEmpty()) m_skipped.insert(kIF, tr("no DeepFloyd IF stage I in the library"));
  if (m_models.sdxl.isEmpty()) m_skipped.insert(kSdxl, tr("no SDXL base model in the library"));
  buildTable();
  setRunning(false);
  setStatus(tr("Press Run to start."));
}

BenchmarkDialog::~BenchmarkDialog() {
  if (isRunning()) {
    m_process->disconnect(this);
    m_process->kill();
    m_process->waitForFinished(3000);
  }
}

void BenchmarkDialog::setSettings(const BenchmarkSettings& settings) {
  m_settings = settings;
  buildTable();
}

QString BenchmarkDialog::configName(const QString& config) {
  if (config == QLatin1String("default")) return tr("default");
  if (config == QLatin1String("max-speed")) return tr("Max speed");
  return config;
}

void BenchmarkDialog::buildTable() {
  QStringList columns;
  for (int batch : m_settings.batches)
    for (const QString& config : m_settings.configs) columns << tr("Batch %1, %2").arg(batch).arg(configName(config));
  m_table->clear();
  m_table->setColumnCount(columns.size());
  m_table->setRowCount(pipelineNames().size());
  m_table->setHorizontalHeaderLabels(columns);
  m_table->setVerticalHeaderLabels(pipelineNames());
  for (int r = 0; r < m_table->rowCount(); ++r)
    for (int c = 0; c < m_table->columnCount(); ++c) {
      auto* item = new QTableWidgetItem;
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      m_table->setItem(r, c, item);
    }
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  for (auto it = m_skipped.constBegin(); it != m_skipped.constEnd(); ++it) skipPipeline(it.key(), QString(), it.value());
}

int BenchmarkDialog::column(int batch, const QString& config) const {
  const int b = m_settings.batches.indexOf(batch), c = m_settings.configs.indexOf(config);
  return b < 0 || c < 0 ? -1 : b * m_settings.configs.size() + c;
}

QStringList BenchmarkDialog::arguments() const {
  QStringList args{QStringLiteral("pipelines")};
  const auto add = [&](const char* flag, const QString& value) {
    if (!value.isEmpty()) args << QString::fromLatin1(flag) << value;
  };
  add("--sd", m_models.sd);
  add("--inpaint-model", m_models.inpaint);
  add("--controlnet", m_models.sd.isEmpty() ? QString() : m_models.controlnet);
  add("--sdxl", m_models.sdxl);
  add("--if-stage1", m_models.ifStage1);
  add("--if-stage2", m_models.ifStage1.isEmpty() ? QString() : m_models.ifStage2);
  add("--if-stage3", m_models.ifStage1.isEmpty() ? QString() : m_models.ifStage3);
  QStringList batches;
  for (int b : m_settings.batches) batches << QString::number(b);
  args << "--batches" << batches.join(',') << "--configs" << m_settings.configs.join(',');
  args << "--steps" << QString::number(m_settings.steps) << "--short-steps" << QString::number(m_settings.shortSteps)
       << "--repeats" << QString::number(m_settings.repeats) << "--size" << QString::number(m_settings.size)
       << "--device" << m_settings.device;
  if (!m_settings.only.isEmpty()) args << "--only" << m_settings.only.join(',');
  return args;
}

void BenchmarkDialog::start() {
  if (isRunning()) return;
  buildTable();
  m_stdout.clear();
  m_stderr.clear();
  m_lastError.clear();
  m_cancelled = false;
  if (!QFileInfo(m_program).isExecutable()) {
    setStatus(tr("gesso-bench was not found at %1: it is installed next to the gesso program. Build or install it "
                 "there to run the benchmark.").arg(QDir::toNativeSeparators(m_program)), true);
    emit finished();
    return;
  }
  delete m_process;
  m_process = new QProcess(this);
  connect(m_process, &QProcess::readyReadStandardOutput, this, &BenchmarkDialog::readOutput);
  connect(m_process, &QProcess::readyReadStandardError, this, &BenchmarkDialog::readErrors);
  connect(m_process, &QProcess::finished, this, &BenchmarkDialog::onFinished);
  connect(m_process, &QProcess::errorOccurred, this, &BenchmarkDialog::onError);
  setRunning(true);
  setStatus(tr("Starting gesso-bench…"));
  m_process->start(m_program, arguments());
}

void BenchmarkDialog::cancel() {
  if (!isRunning()) return;
  m_cancelled = true;
  m_process->kill();  // finished() follows; the cells timed so far stay
}

bool BenchmarkDialog::isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

void BenchmarkDialog::setRunning(bool running) {
  m_run->setEnabled(!running);
  m_cancel->setEnabled(running);
}

void BenchmarkDialog::setStatus(const QString& text, bool error) {
  m_status->setText(text);
  m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

void BenchmarkDialog::readOutput() {
  m_stdout += m_process->readAllStandardOutput();
  for (qsizetype end; (end = m_stdout.indexOf('\n')) >= 0;) {
    applyLine(m_stdout.left(end));
    m_stdout.remove(0, end + 1);
  }
}

// Its progress ("gesso-bench: SD - txt2img, batch 1, default") and, for a failed run, its error.
void BenchmarkDialog::readErrors() {
  m_stderr += m_process->readAllStandardError();
  for (qsizetype end; (end = m_stderr.indexOf('\n')) >= 0;) {
    QString line = QString::fromUtf8(m_stderr.left(end)).trimmed();
    m_stderr.remove(0, end + 1);
    if (line.startsWith(QLatin1String("gesso-bench: "))) line = line.mid(13);
    if (line.isEmpty()) continue;
    m_lastError = line;
    setStatus(tr("Timing %1…").arg(line));
  }
}

void BenchmarkDialog::onFinished(int exitCode, QProcess::ExitStatus status) {
  readOutput();
  if (!m_stdout.trimmed().isEmpty()) applyLine(m_stdout);
  m_stdout.clear();
  if (!m_stderr.trimmed().isEmpty()) m_lastError = QString::fromUtf8(m_stderr).trimmed().remove(QStringLiteral("gesso-bench: "));
  setRunning(false);
  // Cells that no line filled (IF at batch 4, a run cut short) say so.
  for (int r = 0; r < m_table->rowCount(); ++r)
    for (int c = 0; c < m_table->columnCount(); ++c)
      if (m_table->item(r, c)->text().isEmpty()) m_table->item(r, c)->setText(QStringLiteral("–"));
  if (m_cancelled)
    setStatus(tr("Cancelled: the cells timed so far are kept."));
  else if (status == QProcess::CrashExit)
    setStatus(tr("gesso-bench stopped unexpectedly%1").arg(m_lastError.isEmpty() ? QStringLiteral(".")
                                                                                   : QStringLiteral(": ") + m_lastError),
              true);
  else if (exitCode != 0)
    setStatus(tr("gesso-bench failed: %1").arg(m_lastError.isEmpty() ? tr("exit code %1").arg(exitCode) : m_lastError),
              true);
  else
    setStatus(m_device.isEmpty() ? tr("Done.") : tr("Done, on %1.").arg(m_device));
  emit finished();
}

void BenchmarkDialog::onError(QProcess::ProcessError error) {
  if (error != QProcess::FailedToStart) return;  // the others end in finished()
  setRunning(false);
  setStatus(tr("gesso-bench could not be started (%1): %2").arg(QDir::toNativeSeparators(m_program), m_process->errorString()),
            true);
  emit finished();
}

bool BenchmarkDialog::applyLine(const QByteArray& line) {
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isObject()) return false;
  const QJsonObject o = doc.object();
  if (o.contains(QLatin1String("device"))) m_device = o.value(QLatin1String("device")).toString();
  if (o.value(QLatin1String("done")).toBool()) return true;
  const QString pipeline = o.value(QLatin1String("pipeline")).toString();
  if (!pipelineNames().contains(pipeline)) return false;
  const QString config = o.value(QLatin1String("config")).toString();
  if (o.contains(QLatin1String("skipped"))) {
    // The dialog's own reason (what the library lacks) is the clearer one.
    skipPipeline(pipeline, config, m_skipped.value(pipeline, o.value(QLatin1String("skipped")).toString()));
    return true;
  }
  const int batch = o.value(QLatin1String("batch")).toInt();
  Cell cell;
  if (o.contains(QLatin1String("failure"))) {
    cell.text = o.value(QLatin1String("failure")).toString();
    cell.failed = true;
  } else if (o.contains(QLatin1String("stages_it_s"))) {
    QStringList stages;
    for (const QJsonValue& v : o.value(QLatin1String("stages_it_s")).toArray()) stages << number(v.toDouble());
    cell.text = stages.join(QStringLiteral(" / "));
  } else if (o.contains(QLatin1String("it_s"))) {
    cell.text = number(o.value(QLatin1String("it_s")).toDouble());
  } else {
    return false;
  }
  setCell(pipeline, batch, config, cell);
  return true;
}

void BenchmarkDialog::setCell(const QString& pipeline, int batch, const QString& config, const Cell& cell) {
  const int row = pipelineNames().indexOf(pipeline), col = column(batch, config);
  if (row < 0 || col < 0) return;
  QTableWidgetItem* item = m_table->item(row, col);
  item->setText(cell.text);
  item->setToolTip(cell.failed ? tr("This cell failed: %1").arg(cell.text) : QString());
  item->setForeground(cell.failed ? QColor(198, 40, 40) : m_table->palette().color(QPalette::Text));
}

// A pipeline not timed (config "": in every column), its reason under the table.
void BenchmarkDialog::skipPipeline(const QString& pipeline, const QString& config, const QString& reason) {
  const int row = pipelineNames().indexOf(pipeline);
  if (row < 0) return;
  for (int batch : m_settings.batches)
    for (const QString& c : m_settings.configs) {
      if (!config.isEmpty() && c != config) continue;
      if (QTableWidgetItem* item = m_table->item(row, column(batch, c))) {
        item->setText(config.isEmpty() ? tr("skipped") : reason);
        item->setToolTip(reason);
      }
    }
  if (config.isEmpty()) m_skipped.insert(pipeline, reason);
  QStringList notes;
  for (const QString& p : pipelineNames())
    if (m_skipped.contains(p)) notes << tr("%1: %2").arg(p, m_skipped.value(p));
  m_notes->setText(notes.isEmpty() ? QString() : tr("Skipped — %1.").arg(notes.join(QStringLiteral("; "))));
}

QString BenchmarkDialog::cellText(const QString& pipeline, int batch, const QString& config) const {
  const int row = pipelineNames().indexOf(pipeline), col = column(batch, config);
  if (row < 0 || col < 0) return {};
  return m_table->item(row, col)->text();
}

QString BenchmarkDialog::statusText() const { return m_status->text(); }

// Seed 003's layout: one row per pipeline, one column per setting, it/s in the cells (IF: its
// three stages' it/s, "I / II / III").
QString BenchmarkDialog::markdown() const {
  QStringList lines;
  lines << tr("Gesso benchmark on %1: denoising steps per second (it/s); IF: stage I / stage II / stage III.")
               .arg(m_device.isEmpty() ? tr("this computer") : m_device)
        << QString();
  QStringList header{tr("Pipeline")}, rule{QStringLiteral("---")};
  for (int c = 0; c < m_table->columnCount(); ++c) {
    header << m_table->horizontalHeaderItem(c)->text();
    rule << QStringLiteral("---:");
  }
  lines << QStringLiteral("| ") + header.join(QStringLiteral(" | ")) + QStringLiteral(" |")
        << QStringLiteral("|") + rule.join(QStringLiteral("|")) + QStringLiteral("|");
  for (int r = 0; r < m_table->rowCount(); ++r) {
    QStringList cells{pipelineNames()[r]};
    for (int c = 0; c < m_table->columnCount(); ++c) {
      const QString text = m_table->item(r, c)->text();
      cells << (text.isEmpty() ? QStringLiteral("–") : QString(text).replace('|', QStringLiteral("\\|")));
    }
    lines << QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |");
  }
  if (!m_notes->text().isEmpty()) lines << QString() << m_notes->text();
  return lines.join('\n') + '\n';
}

}  // namespace gesso::ui
