// gesso: the studio window.
#include <QApplication>

#include <cstring>
#include <iostream>

#include "engine/version.h"
#include "ui/main_window.h"

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
  gesso::ui::MainWindow window;
  window.show();
  return QApplication::exec();
}
