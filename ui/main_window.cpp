#include "ui/main_window.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

#include "engine/version.h"

namespace gesso::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName("MainWindow");
  setWindowTitle(tr("Gesso"));
  setWindowIcon(QIcon(":/gesso/icons/gesso.svg"));
  resize(1280, 800);

  auto* canvas = new QLabel(tr("Open a model folder to start."), this);
  canvas->setObjectName("canvas");
  canvas->setAlignment(Qt::AlignCenter);
  setCentralWidget(canvas);

  buildMenus();
  const BuildInfo info = build_info();
  statusBar()->showMessage(tr("LibTorch %1 · %2")
                               .arg(QString::fromStdString(info.torch_version),
                                    QString::fromStdString(info.device_name)));
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Gesso"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Gesso"),
                     QString::fromStdString(version_text("Gesso")).toHtmlEscaped().replace("\n", "<br>"));
}

}  // namespace gesso::ui
