#pragma once
// Shared by the widget tests: a named child widget, or a fatal error naming it.
#include <QString>
#include <QWidget>
#include <QtGlobal>

namespace gesso::test {

template <typename T>
T* child(const QWidget& parent, const char* name) {
  T* widget = parent.findChild<T*>(QString::fromLatin1(name));
  if (!widget) qFatal("no child %s", name);
  return widget;
}

}  // namespace gesso::test
