#pragma once
// Where finished images go: written whole to the output folder (named by date, seed and index,
// never over an existing file), each with its A1111 "parameters" text, and recorded in the history.
#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

namespace gesso::ui {

class HistoryStore;

class ResultSaver {
  Q_DECLARE_TR_FUNCTIONS(ResultSaver)

 public:
  explicit ResultSaver(HistoryStore& store) : m_store(store) {}

  // One path per image written; a failure stops there and says why in `error` (the images
  // already written stay, and are in the history).
  QStringList save(const QList<QImage>& images, const QStringList& parametersTexts, const QString& folder,
                   const QDateTime& when, QString* error);

 private:
  HistoryStore& m_store;
};

}  // namespace gesso::ui
