#pragma once
// The gallery's info panel: what made the selected image (prompt, negative prompt, seed, sampler,
// steps, CFG scale, size, model, when), read from its AUTOMATIC1111 "parameters" text, each value
// selectable for copying.
#include <QWidget>

class QFormLayout;
class QLabel;

namespace gesso::ui {

struct HistoryEntry;

class HistoryInfoPanel : public QWidget {
  Q_OBJECT

 public:
  // The fields, in the order shown; field() takes these names.
  enum Field { Prompt, NegativePrompt, Seed, Sampler, Steps, CfgScale, Size, Model, Created, File, FieldCount };

  explicit HistoryInfoPanel(QWidget* parent = nullptr);

  // nullptr: nothing selected (every field empty, a hint shown).
  void showEntry(const HistoryEntry* entry);
  QString field(Field which) const;

 private:
  QLabel* m_hint;
  QWidget* m_fields;
  QLabel* m_values[FieldCount] = {};
};

}  // namespace gesso::ui
