// gesso: the studio window.
//   gesso                          the window
//   gesso --version                versions, no display needed
//   gesso --screenshot out.png -m MODEL [-p PROMPT] [--size N] [--steps N] [--device D] [--output DIR]
//                                  one generation with MODEL, then the window saved as a PNG (docs)
//   gesso --walk DIR -m MODEL [...]   the tour for docs/: Hires. fix form, queue, gallery, window
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstring>
#include <iostream>

#include "app/screenshot_walk.h"
#include "engine/version.h"
#include "ui/generation_panel.h"
#include "ui/main_window.h"
#include "ui/optimization_panel.h"
#include "ui/settings_store.h"

namespace {

// The language setting, else the system's; Qt's own strings (dialog buttons) follow it too.
void installTranslations(QApplication& app, const QString& language) {
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  auto* ours = new QTranslator(&app);
  if (ours->load(locale, "gesso", "_", ":/i18n")) app.installTranslator(ours);
  auto* qt = new QTranslator(&app);
  if (qt->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) app.installTranslator(qt);
}

}  // namespace

int main(int argc, char** argv) {
  // --version needs no display: answer before QApplication looks for one.
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--version") == 0) {
      std::cout << gesso::version_text("gesso");
      return 0;
    }
  }
  QApplication app(argc, argv);
  QApplication::setApplicationName("Gesso");
  QApplication::setOrganizationName("Gesso");
  QApplication::setApplicationVersion(QString::fromStdString(gesso::build_info().gesso_version));

  QCommandLineParser cli;
  cli.setApplicationDescription("Gesso, a native Stable Diffusion studio");
  cli.addHelpOption();
  const QCommandLineOption screenshot("screenshot", "Generate once, save the window to <png>, quit.", "png");
  const QCommandLineOption model({"m", "model"}, "Model folder for --screenshot.", "dir");
  const QCommandLineOption prompt({"p", "prompt"}, "Prompt for --screenshot.", "text", "a lighthouse on a cliff at dusk");
  const QCommandLineOption size("size", "Width and height for --screenshot.", "px", "512");
  const QCommandLineOption steps("steps", "Steps for --screenshot.", "n", "20");
  const QCommandLineOption device("device", "Device for --screenshot (auto, cpu, cuda).", "name", "auto");
  const QCommandLineOption walk("walk", "The screenshot tour (Hires. fix, queue, gallery) into <dir>, quit.", "dir");
  const QCommandLineOption output("output", "Output folder (default: the settings' one).", "dir");
  const QCommandLineOption settings("settings", "Settings file (default: the user's).", "ini");
  const QCommandLineOption history("history", "History database (default: the user's).", "sqlite");
  cli.addOptions({screenshot, walk, model, prompt, size, steps, device, output, settings, history});
  cli.process(app);

  auto paths = gesso::ui::MainWindow::defaultPaths();
  if (cli.isSet(settings)) paths.settings = cli.value(settings);
  if (cli.isSet(history)) paths.history = cli.value(history);
  {
    gesso::ui::SettingsStore store(paths.settings);
    installTranslations(app, store.language());
    if (cli.isSet(output)) {
      store.setOutputFolder(cli.value(output));
      store.save();
    }
  }

  gesso::ui::MainWindow window(paths);
  window.show();
  if (cli.isSet(walk)) {
    if (!cli.isSet(model)) {
      std::cerr << "gesso: --walk needs --model\n";
      return 2;
    }
    gesso::app::startScreenshotWalk(window, {cli.value(model), cli.value(prompt), cli.value(walk), cli.value(size).toInt(),
                                             cli.value(steps).toInt(), cli.value(device)});
  } else if (cli.isSet(screenshot)) {
    if (!cli.isSet(model)) {
      std::cerr << "gesso: --screenshot needs --model\n";
      return 2;
    }
    QObject::connect(&window, &gesso::ui::MainWindow::runFinished, &app, [&](bool ok) {
      const bool saved = window.grab().save(cli.value(screenshot), "PNG");
      std::cerr << (ok ? "" : "gesso: the generation failed; ") << (saved ? "saved " : "could not save ")
                << cli.value(screenshot).toStdString() << "\n";
      QApplication::exit(ok && saved ? 0 : 1);
    });
    auto s = window.generationPanel()->settings();
    s.width = s.height = cli.value(size).toInt();
    s.steps = cli.value(steps).toInt();
    s.mode = "txt2img";
    window.generationPanel()->setSettings(s);
    auto options = window.optimizationPanel()->options();
    options.device = cli.value(device).toStdString();
    window.optimizationPanel()->setOptions(options);
    QTimer::singleShot(0, &window, [&] { window.generateOnce(cli.value(model), cli.value(prompt)); });
  }
  return QApplication::exec();
}
