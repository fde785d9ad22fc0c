// The tokenizer's Unicode layer against the facts the fixture reads from the `tokenizers` library
// at test time: every code point's class and lowercase, and NFC of decomposed and mixed strings.
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

#include "common/fixtures.h"
#include "engine/text/unicode.h"

namespace unicode = gesso::text::unicode;

namespace {

const nlohmann::json& facts() {
  static const nlohmann::json j = [] {
    std::ifstream in(gesso::test::fixture_dir("text") / "unicode.json");
    return nlohmann::json::parse(in);
  }();
  return j;
}

std::u32string to_u32(const nlohmann::json& cps) {
  std::u32string s;
  for (const auto& c : cps) s += static_cast<char32_t>(c.get<uint32_t>());
  return s;
}

QString hex(char32_t c) { return QStringLiteral("U+%1").arg(uint(c), 4, 16, QChar('0')).toUpper(); }

bool valid(char32_t c) { return c < 0xD800 || (c >= 0xE000 && c <= 0x10FFFF); }

}  // namespace

class TestUnicode : public QObject {
  Q_OBJECT

 private slots:
  void classesMatchEveryCodePoint() {
    for (const auto& [key, predicate] : {std::pair{"letters", &unicode::is_letter}, {"numbers", &unicode::is_number},
                                         {"spaces", &unicode::is_space}}) {
      std::set<char32_t> expected;
      for (const auto& c : facts()[key]) expected.insert(c.get<uint32_t>());
      QVERIFY2(!expected.empty(), key);
      for (char32_t c = 0; c <= 0x10FFFF; ++c)
        if (valid(c) && predicate(c) != (expected.count(c) > 0))
          QFAIL(qPrintable(QString("%1: %2 is %3 in the reference").arg(key, hex(c), expected.count(c) ? "in" : "not")));
    }
  }

  void lowercaseMatchesEveryCodePoint() {
    const auto& lower = facts()["lower"];
    QVERIFY(lower.size() > 1000);
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
      if (!valid(c)) continue;
      const auto it = lower.find(std::to_string(uint32_t(c)));
      const std::u32string expected = it == lower.end() ? std::u32string(1, c) : to_u32(*it);
      if (unicode::to_lower(std::u32string(1, c)) != expected) QFAIL(qPrintable("lowercase of " + hex(c)));
    }
  }

  void nfcMatchesReference() {
    const auto& cases = facts()["nfc"];
    QVERIFY(cases.size() > 10000);
    int changed = 0;
    for (const auto& c : cases) {
      const auto input = to_u32(c[0]), expected = to_u32(c[1]);
      changed += input != expected;
      if (unicode::nfc(input) != expected) {
        QString in;
        for (char32_t x : input) in += hex(x) + " ";
        QFAIL(qPrintable("NFC of " + in));
      }
    }
    QVERIFY(changed > 3000);  // the cases do exercise composition
  }

  void utf8RoundTripsAndReplacesBadBytes() {
    std::u32string all;
    for (char32_t c = 1; c <= 0x10FFFF; c += 7)
      if (valid(c)) all += c;
    QVERIFY(unicode::decode_utf8(unicode::encode_utf8(all)) == all);
    QCOMPARE(unicode::encode_utf8(U"\u00e9\u6771\U0001F431"), std::string("\xc3\xa9\xe6\x9d\xb1\xf0\x9f\x90\xb1"));
    // Lone continuation, truncated sequence, overlong '/', surrogate, past U+10FFFF.
    QVERIFY(unicode::decode_utf8("a\x80z") == U"a\uFFFDz");
    QVERIFY(unicode::decode_utf8("\xe6\x9d") == U"\uFFFD\uFFFD");
    QVERIFY(unicode::decode_utf8("\xc0\xaf") == U"\uFFFD\uFFFD");
    QVERIFY(unicode::decode_utf8("\xed\xa0\x80") == U"\uFFFD\uFFFD\uFFFD");
    QVERIFY(unicode::decode_utf8("\xf4\x90\x80\x80") == U"\uFFFD\uFFFD\uFFFD\uFFFD");
  }
};

QTEST_GUILESS_MAIN(TestUnicode)
#include "test_unicode.moc"
