// A1111's emphasis syntax (engine/text/prompt_attention.h): the examples AUTOMATIC1111 documents for
// its parse_prompt_attention, weights compared exactly (the same multiplications in the same order
// give the same doubles: 1.5730000000000004, not 1.573), then BREAK and the edge cases.
#include <QtTest>

#include <sstream>

#include "engine/text/prompt_attention.h"

using gesso::text::WeightedText;
using Pieces = std::vector<WeightedText>;

namespace {

std::string show(const Pieces& pieces) {
  std::ostringstream out;
  out.precision(17);
  for (const auto& p : pieces) out << "['" << p.text << "', " << p.weight << "] ";
  return out.str();
}

void expect(const std::string& prompt, const Pieces& want) {
  const auto got = gesso::text::parse_prompt_attention(prompt);
  QVERIFY2(got == want, (prompt + " -> " + show(got) + " expected " + show(want)).c_str());
}

}  // namespace

class TestPromptAttention : public QObject {
  Q_OBJECT

 private slots:
  void documentedExamples() {
    expect("normal text", {{"normal text", 1.0}});
    expect("an (important) word", {{"an ", 1.0}, {"important", 1.1}, {" word", 1.0}});
    expect("(unbalanced", {{"unbalanced", 1.1}});
    expect("\\(literal\\]", {{"(literal]", 1.0}});
    expect("(unnecessary)(parens)", {{"unnecessaryparens", 1.1}});
    expect("a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).",
           {{"a ", 1.0}, {"house", 1.3 * 1.1 * 1.1}, {" ", 1.1}, {"on", 1.0}, {" a ", 1.1}, {"hill", 0.5 * 1.1},
            {", sun, ", 1.1}, {"sky", 1.1 * 1.1 * 1.1 * 1.1}, {".", 1.1}});
    // The doubles A1111's docstring prints for the last one.
    const auto pieces = gesso::text::parse_prompt_attention("a (((house:1.3)) [on] a (hill:0.5), sun, (((sky))).");
    QCOMPARE(pieces[1].weight, 1.5730000000000004);
    QCOMPARE(pieces[7].weight, 1.4641000000000006);
  }

  void seedPromptsWeights() {  // seed 000's prompt
    expect("(8k, best quality, masterpiece:1.2), (realistic, photo-realistic:1.37), 1girl",
           {{"8k, best quality, masterpiece", 1.2}, {", ", 1.0}, {"realistic, photo-realistic", 1.37},
            {", 1girl", 1.0}});
  }

  void squareBracketsAndNesting() {
    expect("[[faint]] clear", {{"faint", (1 / 1.1) * (1 / 1.1)}, {" clear", 1.0}});
    expect("((a) b)", {{"a", 1.1 * 1.1}, {" b", 1.1}});
    expect("[unbalanced", {{"unbalanced", 1 / 1.1}});
  }

  void breakStartsAChunk() {
    expect("a cat BREAK a dog", {{"a cat", 1.0}, {"BREAK", -1.0}, {"a dog", 1.0}});
    expect("BREAK", {{"", 1.0}, {"BREAK", -1.0}, {"", 1.0}});
    expect("BREAKFAST and a BREAK\n(tea)", {{"BREAKFAST and a", 1.0}, {"BREAK", -1.0}, {"", 1.0}, {"tea", 1.1}});
    // Inside brackets the marker is scaled with the rest, so it is text again (as in A1111).
    const auto inside = gesso::text::parse_prompt_attention("(a BREAK b)");
    QCOMPARE(inside.size(), std::size_t{3});
    QVERIFY(!gesso::text::is_break(inside[1]));
    QVERIFY(gesso::text::is_break(gesso::text::parse_prompt_attention("a BREAK b")[1]));
  }

  void strayBracketsWeightsAndEscapesAreText() {
    expect("a) b] c", {{"a) b] c", 1.0}});
    expect("ratio 16:9 and :1.5)", {{"ratio 16:9 and :1.5)", 1.0}});
    expect("(time: 12:30)", {{"time: 12", 30.0}});  // A1111 reads ":30)" as the weight, so does Gesso
    expect("(x:-0.5)", {{"x", -0.5}});
    expect("( spaced : 1.5 )", {{" spaced ", 1.5}});
    expect("back\\\\slash and lone \\ one", {{"back\\slash and lone  one", 1.0}});
    expect("", {{"", 1.0}});
    expect("(x:1.2.3)", {{"x:1.2.3", 1.1}});  // A1111 raises here; Gesso reads it as text
  }
};

QTEST_GUILESS_MAIN(TestPromptAttention)
#include "test_prompt_attention.moc"
