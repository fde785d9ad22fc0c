#include "app/screenshot_walk.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QTimer>

#include <iostream>
#include <memory>

#include "ui/generation_panel.h"
#include "ui/main_window.h"
#include "ui/optimization_panel.h"

namespace gesso::app {
namespace {

// The walk's state, kept alive by the connections that use it.
struct Walk {
  ui::MainWindow& window;
  WalkSettings settings;
  int stage = 0;
  bool ok = true;

  bool save(QWidget* widget, const QString& name) {
    const QString path = QDir(settings.folder).filePath(name);
    const bool saved = widget && widget->grab().save(path, "PNG");
    std::cerr << (saved ? "saved " : "could not save ") << path.toStdString() << "\n";
    return saved;
  }

  QDockWidget* dock(const char* name) const { return window.findChild<QDockWidget*>(QString::fromLatin1(name)); }

  void finish() {
    QApplication::exit(ok ? 0 : 1);
  }
};

void configure(ui::MainWindow& window, const WalkSettings& w) {
  auto s = window.generationPanel()->settings();
  s.width = s.height = w.size;
  s.steps = w.steps;
  s.mode = "txt2img";
  s.hiresEnabled = true;  // the Hires. fix form is the first picture
  s.hiresScale = 1.5;
  s.hiresSteps = w.steps / 2;
  s.hiresStrength = 0.5;
  s.hiresUpscaler = QStringLiteral("Latent");
  window.generationPanel()->setSettings(s);
  auto options = window.optimizationPanel()->options();
  options.device = w.device.toStdString();
  window.optimizationPanel()->setOptions(options);
}

// Stage 1 done (the Hires. fix run): the form, then three runs at once for the queue.
void queueThree(const std::shared_ptr<Walk>& walk) {
  walk->ok = walk->save(walk->dock("generateDock"), "screenshot-hires.png") && walk->ok;
  auto s = walk->window.generationPanel()->settings();
  s.hiresEnabled = false;
  walk->window.generationPanel()->setSettings(s);
  for (int i = 0; i < 3; ++i) walk->window.generate();
  walk->ok = walk->save(walk->dock("queueDock"), "screenshot-queue.png") && walk->ok;
}

}  // namespace

void startScreenshotWalk(ui::MainWindow& window, const WalkSettings& settings) {
  auto walk = std::make_shared<Walk>(Walk{window, settings});
  QDir().mkpath(settings.folder);
  configure(window, settings);
  QObject::connect(&window, &ui::MainWindow::runFinished, &window, [walk](bool ok) {
    walk->ok = walk->ok && ok;
    if (!ok) std::cerr << "gesso: a run of the walk failed: " << walk->window.lastError().toStdString() << "\n";
    if (++walk->stage == 1 && ok) return queueThree(walk);
    walk->ok = walk->save(walk->dock("historyDock"), "screenshot-gallery.png") && walk->ok;
    walk->ok = walk->save(&walk->window, "screenshot.png") && walk->ok;
    walk->finish();
  });
  QTimer::singleShot(0, &window, [walk] { walk->window.generateOnce(walk->settings.model, walk->settings.prompt); });
}

}  // namespace gesso::app
