#pragma once
#include <QMainWindow>

namespace gesso::ui {

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);

 private:
  void buildMenus();
  void showAbout();
};

}  // namespace gesso::ui
