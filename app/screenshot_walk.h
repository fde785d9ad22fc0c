#pragma once
// gesso --walk DIR: the studio's tour for docs/, under Xvfb (scripts/screenshot.sh). One generation
// with Hires. fix on (the form shows its settings), then three Generates in a row (the queue shows
// the two that wait), then the gallery of what they made; each part of the window saved as a PNG.
#include <QObject>
#include <QString>

namespace gesso::ui {
class MainWindow;
}

namespace gesso::app {

struct WalkSettings {
  QString model;   // the model folder or file
  QString prompt;
  QString folder;  // where the PNGs go
  int size = 128;  // the first pass's width and height
  int steps = 12;
  QString device;  // "auto", "cpu", "cuda"
};

// Starts the walk on `window` (shown); quits the application when it is done, with exit code 0
// when every run finished and every PNG was written.
void startScreenshotWalk(ui::MainWindow& window, const WalkSettings& settings);

}  // namespace gesso::app
