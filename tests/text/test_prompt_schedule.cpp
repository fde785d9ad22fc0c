// AUTOMATIC1111's prompt editing and alternation (text/prompt_schedule.h): every example its
// prompt_parser.py documents (get_learned_conditioning_prompt_schedules' doctests, 10 steps), the
// step the sampler switches at, and prompts no grammar accepts.
#include <QtTest>

#include <chrono>

#include "engine/text/prompt_schedule.h"

using gesso::text::prompt_schedule;
using gesso::text::ScheduledPrompt;
using Schedule = std::vector<ScheduledPrompt>;

Q_DECLARE_METATYPE(Schedule)

namespace {

QString show(const Schedule& s) {
  QStringList parts;
  for (const auto& e : s) parts << QStringLiteral("[%1, '%2']").arg(e.end_at_step).arg(QString::fromStdString(e.text));
  return parts.join(", ");
}

Schedule alternating(const std::string& odd, const std::string& even) {
  Schedule s;
  for (int step = 1; step <= 10; ++step) s.push_back({step, step % 2 ? odd : even});
  return s;
}

}  // namespace

class TestPromptSchedule : public QObject {
  Q_OBJECT

 private slots:
  void documentedExamples_data() {
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<Schedule>("expected");
    QTest::newRow("test") << "test" << Schedule{{10, "test"}};
    QTest::newRow("a [b:3]") << "a [b:3]" << Schedule{{3, "a "}, {10, "a b"}};
    QTest::newRow("a [b: 3]") << "a [b: 3]" << Schedule{{3, "a "}, {10, "a b"}};
    QTest::newRow("a [[[b]]:2]") << "a [[[b]]:2]" << Schedule{{2, "a "}, {10, "a [[b]]"}};
    QTest::newRow("[(a:2):3]") << "[(a:2):3]" << Schedule{{3, ""}, {10, "(a:2)"}};
    QTest::newRow("a [b : c : 1] d") << "a [b : c : 1] d" << Schedule{{1, "a b  d"}, {10, "a  c  d"}};
    QTest::newRow("nested") << "a[b:[c:d:2]:1]e" << Schedule{{1, "abe"}, {2, "ace"}, {10, "ade"}};
    QTest::newRow("unbalanced") << "a [unbalanced" << Schedule{{10, "a [unbalanced"}};
    QTest::newRow("fraction") << "a [b:.5] c" << Schedule{{5, "a  c"}, {10, "a b c"}};
    QTest::newRow("bar in an edit") << "a [{b|d{:.5] c" << Schedule{{5, "a  c"}, {10, "a {b|d{ c"}};
    QTest::newRow("stray brackets") << "((a][:b:c [d:3]" << Schedule{{3, "((a][:b:c "}, {10, "((a][:b:c d"}};
    QTest::newRow("alternation") << "[a|(b:1.1)]" << alternating("a", "(b:1.1)");
    QTest::newRow("empty alternative") << "[fe|]male" << alternating("female", "male");
    Schedule three;
    for (int step = 1; step <= 10; ++step) three.push_back({step, step % 4 == 1 ? "female" : "male"});
    QTest::newRow("empty alternatives") << "[fe|||]male" << three;
    // The wiki's example, at 100 steps in its comment; here the same prompt at 100 steps.
  }

  void documentedExamples() {
    QFETCH(QString, prompt);
    QFETCH(Schedule, expected);
    const auto got = prompt_schedule(prompt.toStdString(), 10);
    QCOMPARE(show(got), show(expected));
  }

  // prompt_parser.py's header comment: the landscape prompt at 100 steps.
  void wikiLandscape() {
    const auto got = prompt_schedule(
        "fantasy landscape with a [mountain:lake:0.25] and [an oak:a christmas tree:0.75][ in foreground::0.6][ in "
        "background:0.25] [shoddy:masterful:0.5]",
        100);
    const Schedule expected{
        {25, "fantasy landscape with a mountain and an oak in foreground shoddy"},
        {50, "fantasy landscape with a lake and an oak in foreground in background shoddy"},
        {60, "fantasy landscape with a lake and an oak in foreground in background masterful"},
        {75, "fantasy landscape with a lake and an oak in background masterful"},
        {100, "fantasy landscape with a lake and a christmas tree in background masterful"}};
    QCOMPARE(show(got), show(expected));
  }

  // A1111's sampler counts its steps from 0 and keeps a text while the count is <= its end.
  void switchStep() {
    const auto s = prompt_schedule("a [b:3]", 10);
    QCOMPARE(gesso::text::schedule_index_at(s, 0), std::size_t{0});
    QCOMPARE(gesso::text::schedule_index_at(s, 3), std::size_t{0});
    QCOMPARE(gesso::text::schedule_index_at(s, 4), std::size_t{1});
    QCOMPARE(gesso::text::schedule_index_at(s, 9), std::size_t{1});
    // An integer is a step, a number with a point a fraction: "1.0" is the whole run.
    QCOMPARE(show(prompt_schedule("[a:b:1.0]", 8)), show(Schedule{{8, "a"}}));
    QCOMPARE(show(prompt_schedule("[a:b:1]", 8)), show(Schedule{{1, "a"}, {8, "b"}}));
    QCOMPARE(show(prompt_schedule("[a:b:0]", 8)), show(Schedule{{8, "b"}}));
    QCOMPARE(show(prompt_schedule("[a:b:50]", 8)), show(Schedule{{8, "a"}}));
  }

  // What the grammar refuses stays one plain text: a "|" outside brackets, a trailing backslash.
  void unparsable() {
    QCOMPARE(show(prompt_schedule("a | b [c:2]", 10)), show(Schedule{{10, "a | b [c:2]"}}));
    QCOMPARE(show(prompt_schedule("a [c:2] \\", 10)), show(Schedule{{10, "a [c:2] \\"}}));
    QCOMPARE(show(prompt_schedule("", 10)), show(Schedule{{10, ""}}));
    // Escaped brackets are text (the emphasis parser reads the escapes later).
    QCOMPARE(show(prompt_schedule("\\[a:b:2\\]", 10)), show(Schedule{{10, "\\[a:b:2\\]"}}));
  }

  // Thousands of unclosed or nested brackets: an answer at once, never a crash or a hang.
  void hostileNesting() {
    const auto start = std::chrono::steady_clock::now();
    const std::string open(5000, '[');
    QCOMPARE(prompt_schedule(open + "a", 10).back().text, open + "a");
    std::string deep;
    for (int i = 0; i < 3000; ++i) deep += "[a:";
    deep += "b";
    for (int i = 0; i < 3000; ++i) deep += ":3]";
    QCOMPARE(prompt_schedule(deep, 10).size(), std::size_t{1});
    std::string alternating;
    for (int i = 0; i < 40; ++i) alternating += "[x|";
    QCOMPARE(prompt_schedule(alternating, 10).back().text, alternating);
    QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  }
};

QTEST_APPLESS_MAIN(TestPromptSchedule)
#include "test_prompt_schedule.moc"
