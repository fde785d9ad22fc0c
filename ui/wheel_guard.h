#pragma once
// Scrolling a panel with the mouse wheel must scroll the panel, not change the setting that
// happens to pass under the pointer (issue 18: Attention went from Auto to another kernel on a
// scroll). WheelGuard makes every combo box, spin box and slider under a widget take the wheel only
// once it has focus (clicked or tabbed into); otherwise the wheel goes on to the scroll area. The
// fields get Qt::StrongFocus so that a wheel does not give them focus either. Widgets added later
// (a ControlNet unit added at run time) are guarded as they arrive.
#include <QObject>

class QWidget;

namespace gesso::ui {

class WheelGuard : public QObject {
  Q_OBJECT

 public:
  // Guards `root` and everything under it, now and later; the guard is a child of `root`.
  static WheelGuard* install(QWidget* root);

  // A combo box, spin box (QAbstractSpinBox) or slider: the fields a wheel changes.
  static bool guards(const QObject* object);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  explicit WheelGuard(QObject* parent) : QObject(parent) {}
  void watch(QObject* object);  // the object and everything under it
};

}  // namespace gesso::ui
