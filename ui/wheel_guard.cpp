#include "ui/wheel_guard.h"

#include <QAbstractSpinBox>
#include <QChildEvent>
#include <QComboBox>
#include <QEvent>
#include <QSlider>
#include <QWidget>

namespace gesso::ui {

namespace {

void strongFocus(QObject* object) {
  if (!WheelGuard::guards(object)) return;
  auto* widget = static_cast<QWidget*>(object);
  // StrongFocus: click and Tab focus it, the wheel does not (WheelFocus would).
  if (widget->focusPolicy() == Qt::WheelFocus) widget->setFocusPolicy(Qt::StrongFocus);
}

}  // namespace

WheelGuard* WheelGuard::install(QWidget* root) {
  auto* guard = new WheelGuard(root);
  guard->watch(root);
  return guard;
}

bool WheelGuard::guards(const QObject* object) {
  return qobject_cast<const QComboBox*>(object) || qobject_cast<const QAbstractSpinBox*>(object) ||
         qobject_cast<const QSlider*>(object);
}

void WheelGuard::watch(QObject* object) {
  if (!object->isWidgetType()) return;
  object->removeEventFilter(this);  // never twice: a reparented widget comes back through ChildAdded
  object->installEventFilter(this);
  strongFocus(object);
  for (QObject* child : object->children()) watch(child);
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
  switch (event->type()) {
    case QEvent::ChildAdded:
      // A widget still under construction (ChildAdded comes from its QWidget base): watched
      // now, its type is known by the time it is polished.
      watch(static_cast<QChildEvent*>(event)->child());
      break;
    case QEvent::Polish:
      strongFocus(watched);
      break;
    case QEvent::Wheel:
      if (guards(watched) && !static_cast<QWidget*>(watched)->hasFocus()) {
        // Not for this field: ignored, the event goes on to the parents and the scroll area.
        event->ignore();
        return true;
      }
      break;
    default:
      break;
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace gesso::ui
