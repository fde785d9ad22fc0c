#pragma once
// Help > Benchmark: seed 003's pipeline table on the user's GPU. Runs `gesso-bench pipelines`
// (next to the gesso program) in a QProcess, with the models the library has for each pipeline
// (SD txt2img, img2img, inpaint, ControlNet, DeepFloyd IF, SDXL txt2img; the others are skipped and
// say why), at batch 1 and 4, default and Max speed; fills the table from its JSON lines as they
// come, laid out as seed 003 lays it out ("Pipeline | ... it/s"), and copies it as Markdown.
// Cancellable; closing the window ends the run; gesso-bench's errors are shown in words.
#include <QDialog>
#include <QHash>
#include <QList>
#include <QProcess>
#include <QStringList>

#include "ui/model_library.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace gesso::ui {

// The model each pipeline is timed with ("" when the library has none).
struct BenchmarkModels {
  QString sd, inpaint, controlnet, sdxl, ifStage1, ifStage2, ifStage3;

  // The first of each kind among readable entries: an SD 1.x (else 2.x) model that is not an
  // inpainting one, an inpainting one for the inpaint row (else the SD one), a ControlNet (not an
  // SDXL one), an SDXL
  // base, IF's stages I and II and the x4 upscaler.
  static BenchmarkModels fromEntries(const QList<ModelEntry>& entries);
};

// What gesso-bench is asked for (its pipelines subcommand's options).
struct BenchmarkSettings {
  QList<int> batches{1, 4};
  QStringList configs{QStringLiteral("default"), QStringLiteral("max-speed")};
  int steps = 30, shortSteps = 10, repeats = 1, size = 0;
  QString device = QStringLiteral("auto");
  QStringList only;  // pipelines by name; empty: all
};

class BenchmarkDialog : public QDialog {
  Q_OBJECT

 public:
  // The table's rows, in seed 003's order.
  static const QStringList& pipelineNames();
  // gesso-bench next to this program (QCoreApplication::applicationDirPath()).
  static QString defaultProgram();

  explicit BenchmarkDialog(const BenchmarkModels& models, QWidget* parent = nullptr);
  ~BenchmarkDialog() override;  // ends a run still going

  void setProgram(const QString& path) { m_program = path; }  // tests: a fake gesso-bench
  QString program() const { return m_program; }
  void setSettings(const BenchmarkSettings& settings);
  QStringList arguments() const;

  void start();
  void cancel();
  bool isRunning() const;

  // One line of gesso-bench's stdout: false (and nothing changes) when it is not one of its JSON
  // objects.
  bool applyLine(const QByteArray& line);
  // The table as text: a cell's text, the status line, the Markdown the copy button copies.
  QString cellText(const QString& pipeline, int batch, const QString& config) const;
  QString statusText() const;
  QString markdown() const;

 signals:
  void finished();  // the run ended: done, failed or cancelled

 private:
  struct Cell {
    QString text;       // "21.66", "20.21 / 13.84 / 24.00", "skipped", "out of memory", ...
    bool failed = false;
  };

  void buildTable();
  void setCell(const QString& pipeline, int batch, const QString& config, const Cell& cell);
  void skipPipeline(const QString& pipeline, const QString& config, const QString& reason);
  void readOutput();
  void readErrors();
  void onFinished(int exitCode, QProcess::ExitStatus status);
  void onError(QProcess::ProcessError error);
  void setStatus(const QString& text, bool error = false);
  void setRunning(bool running);
  int column(int batch, const QString& config) const;  // -1 when no column has it
  static QString configName(const QString& config);

  BenchmarkModels m_models;
  BenchmarkSettings m_settings;
  QString m_program;
  QProcess* m_process = nullptr;
  QByteArray m_stdout;            // an incomplete last line waits here
  QByteArray m_stderr;
  QString m_lastError;            // gesso-bench's last stderr line, for a failed run
  QString m_device;
  bool m_cancelled = false;
  QHash<QString, QString> m_skipped;  // pipeline -> why it was not timed (in the dialog's words)
  QTableWidget* m_table = nullptr;
  QLabel* m_status = nullptr;
  QLabel* m_notes = nullptr;
  QPushButton* m_run = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_copy = nullptr;
};

}  // namespace gesso::ui
