// T5Tokenizer against transformers 5's T5Tokenizer (the `tokenizers`-backed class diffusers' IF
// pipelines load) on a T5-like SentencePiece model trained at test time: ids, padded ids and masks,
// the normalizer, grapheme clusters, special tokens and configs, broken folders.
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/text/t5_tokenizer.h"
#include "engine/text/unicode.h"

using gesso::text::T5Tokenizer;
using nlohmann::json;

namespace {

std::filesystem::path dir(const std::string& name) { return gesso::test::fixture_dir("t5") / name; }

json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return json::parse(in);
}

const json& cases() {
  static const json c = read_json(dir("tokenizer_cases.json"));
  return c;
}

std::vector<int64_t> ints(const json& j) { return j.get<std::vector<int64_t>>(); }

std::string ids_text(const std::vector<int64_t>& ids) {
  std::ostringstream s;
  for (auto id : ids) s << id << ' ';
  return s.str();
}

// The prompt as JSON writes it (escapes for the control characters and the rest).
std::string shown(const std::string& text) { return json(text).dump(-1, ' ', /*ensure_ascii=*/true); }

// Counts the prompts where `got(prompt)` differs from `want[i]`, naming the first few.
template <typename Got>
int mismatches(const char* what, const json& want, Got&& got) {
  int bad = 0;
  const auto& prompts = cases()["prompts"];
  for (std::size_t i = 0; i < prompts.size(); ++i) {
    const auto text = prompts[i].get<std::string>();
    const auto ids = got(text);
    if (ids == ints(want[i])) continue;
    if (++bad <= 5)
      qWarning("%s of %s:\n  got  %s\n  want %s", what, shown(text).c_str(), ids_text(ids).c_str(),
               ids_text(ints(want[i])).c_str());
  }
  return bad;
}

std::string load_error(const std::string& folder) {
  try {
    T5Tokenizer::from_dir(folder);
  } catch (const gesso::ModelFileError& e) {
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not a ModelFileError: ") + e.what();
  }
  return "(no error)";
}

std::vector<char32_t> expand(const json& ranges) {
  std::vector<char32_t> out;
  for (const auto& r : ranges)
    for (auto c = r[0].get<char32_t>(); c <= r[1].get<char32_t>(); ++c) out.push_back(c);
  return out;
}

}  // namespace

class TestT5Tokenizer : public QObject {
  Q_OBJECT

 private slots:
  // Every prompt, in the IF repositories' layout and in transformers 5's own save.
  void idsMatchTransformers_data() {
    QTest::addColumn<QString>("folder");
    QTest::newRow("hub layout") << "tokenizer";
    QTest::newRow("transformers 5 save") << "tokenizer_saved";
  }
  void idsMatchTransformers() {
    QFETCH(QString, folder);
    const auto tok = T5Tokenizer::from_dir(dir(folder.toStdString()).string());
    const auto& c = cases();
    const auto n = c["prompts"].size();
    QVERIFY2(n >= 60, "too few prompts");
    const int max_length = c["max_length"], short_length = c["short_max_length"];
    json padded_ids, padded_mask, short_ids, short_mask;
    for (std::size_t i = 0; i < n; ++i) {
      padded_ids.push_back(c["padded"][i]["ids"]);
      padded_mask.push_back(c["padded"][i]["mask"]);
      short_ids.push_back(c["padded_short"][i]["ids"]);
      short_mask.push_back(c["padded_short"][i]["mask"]);
    }
    int bad = 0;
    bad += mismatches("encode", c["encode"], [&](const std::string& t) { return tok.encode(t); });
    bad += mismatches("tokenize", c["tokenize"], [&](const std::string& t) { return tok.tokenize(t); });
    bad += mismatches("padded ids", padded_ids, [&](const std::string& t) { return tok.encode_padded(t, max_length).ids; });
    bad += mismatches("padded mask", padded_mask,
                      [&](const std::string& t) { return tok.encode_padded(t, max_length).attention_mask; });
    bad += mismatches("short ids", short_ids, [&](const std::string& t) { return tok.encode_padded(t, short_length).ids; });
    bad += mismatches("short mask", short_mask,
                      [&](const std::string& t) { return tok.encode_padded(t, short_length).attention_mask; });
    qInfo("%zu prompts, 6 encodings each, %d mismatches", n, bad);
    QCOMPARE(bad, 0);
  }

  void normalizerMatchesTokenizers() {
    const auto tok = T5Tokenizer::from_dir(dir("tokenizer").string());
    const auto& c = cases();
    int bad = 0;
    for (std::size_t i = 0; i < c["prompts"].size(); ++i) {
      const auto text = c["prompts"][i].get<std::string>();
      const auto want = c["normalized"][i].get<std::string>();
      const auto got = tok.normalize(text);
      if (got != want && ++bad <= 5) qWarning("%s: got %s, want %s", shown(text).c_str(), shown(got).c_str(), shown(want).c_str());
    }
    QCOMPARE(bad, 0);
  }

  void specialTokens() {
    const auto tok = T5Tokenizer::from_dir(dir("tokenizer").string());
    const auto& c = cases();
    QCOMPARE(tok.eos_id(), c["eos_id"].get<int64_t>());
    QCOMPARE(tok.pad_id(), c["pad_id"].get<int64_t>());
    QCOMPARE(tok.unk_id(), c["unk_id"].get<int64_t>());
    QCOMPARE(tok.vocab_size(), c["vocab_size"].get<int64_t>());
    QCOMPARE(tok.model_max_length().value_or(-1), c["model_max_length"].get<int64_t>());
    // <extra_id_N> is vocab_size - 1 - N, as transformers assigns them.
    for (const auto& [token, id] : c["extra_ids"].items()) {
      QCOMPARE(tok.encode(token), (std::vector<int64_t>{id.get<int64_t>(), tok.eos_id()}));
      QCOMPARE(id.get<int64_t>(), tok.vocab_size() - 1 - std::stoll(token.substr(10)));
    }
  }

  // The padded form at its edges: only the eos fits, or nothing needs padding.
  void paddingEdges() {
    const auto tok = T5Tokenizer::from_dir(dir("tokenizer").string());
    const auto one = tok.encode_padded("a photo of a cat", 1);
    QCOMPARE(one.ids, (std::vector<int64_t>{tok.eos_id()}));
    QCOMPARE(one.attention_mask, (std::vector<int64_t>{1}));
    const auto full = tok.encode("a photo of a cat");
    const auto exact = tok.encode_padded("a photo of a cat", static_cast<int>(full.size()));
    QCOMPARE(exact.ids, full);
    QCOMPARE(exact.attention_mask, std::vector<int64_t>(full.size(), 1));
    QVERIFY_THROWS_EXCEPTION(gesso::Error, tok.encode_padded("x", 0));
    // Bytes that are not UTF-8 are U+FFFD, as in a Python string.
    QCOMPARE(tok.encode("caf\xC3"), tok.encode("caf\xEF\xBF\xBD"));
  }

  // Which characters `tokenizers`' normalizer keeps in one grapheme cluster (t5_fixture.py's probes).
  void graphemeClustersMatchTokenizers_data() {
    QTest::addColumn<QString>("probe");
    for (const char* p : {"after_a", "control", "prepend"}) QTest::newRow(p) << p;
  }
  void graphemeClustersMatchTokenizers() {
    QFETCH(QString, probe);
    const auto all = read_json(dir("grapheme") / "cases.json");
    const auto& c = all[probe.toStdString()];
    const auto tok = T5Tokenizer::from_dir((dir("grapheme") / c["folder"].get<std::string>()).string());
    const auto joined_list = expand(c["joined"]);
    const std::set<char32_t> joined(joined_list.begin(), joined_list.end());
    const auto prefix = c["prefix"].get<std::string>(), suffix = c["suffix"].get<std::string>();
    const auto alone = c["alone"].get<std::string>();
    int bad = 0, count = 0;
    for (char32_t ch : expand(c["candidates"])) {
      const auto text = prefix + gesso::text::unicode::encode_utf8(std::u32string(1, ch)) + suffix;
      const bool got = tok.normalize(text) == alone;
      ++count;
      if (got != joined.contains(ch) && ++bad <= 5)
        qWarning("U+%04X: normalizes to %s", static_cast<unsigned>(ch), shown(tok.normalize(text)).c_str());
    }
    qInfo("%d code points, %d mismatches", count, bad);
    QCOMPARE(bad, 0);
  }

  // tokenizer_config.json variants: which tokens are added tokens, their ids, eos / pad, sides.
  void configVariants() {
    const auto all = read_json(dir("tokenizer_variants") / "cases.json");
    const int max_length = all["max_length"];
    for (const auto& [name, want] : all["variants"].items()) {
      const auto tok = T5Tokenizer::from_dir((dir("tokenizer_variants") / name).string());
      QCOMPARE(tok.eos_id(), want["eos_id"].get<int64_t>());
      QCOMPARE(tok.pad_id(), want["pad_id"].get<int64_t>());
      QCOMPARE(tok.vocab_size(), want["vocab_size"].get<int64_t>());
      QCOMPARE(tok.model_max_length().has_value(), !want["model_max_length"].is_null());
      for (std::size_t i = 0; i < all["prompts"].size(); ++i) {
        const auto text = all["prompts"][i].get<std::string>();
        const auto padded = tok.encode_padded(text, max_length);
        QVERIFY2(tok.encode(text) == ints(want["encode"][i]),
                 (name + ": " + shown(text) + " -> " + ids_text(tok.encode(text))).c_str());
        QVERIFY2(padded.ids == ints(want["padded"][i]), (name + ": padded " + shown(text) + " -> " + ids_text(padded.ids)).c_str());
        QVERIFY2(padded.attention_mask == ints(want["mask"][i]), (name + ": mask " + shown(text)).c_str());
      }
    }
  }

  void brokenFoldersNameTheFile_data() {
    QTest::addColumn<QString>("name");
    const auto expect = read_json(dir("bad_tokenizer") / "expect.json");  // alive through the loop
    for (const auto& [name, file] : expect.items())
      QTest::newRow(name.c_str()) << QString::fromStdString(name);
  }
  void brokenFoldersNameTheFile() {
    QFETCH(QString, name);
    const auto file = read_json(dir("bad_tokenizer") / "expect.json")[name.toStdString()].get<std::string>();
    const auto folder = dir("bad_tokenizer") / name.toStdString();
    const auto error = load_error(folder.string());
    qInfo("%s", error.c_str());
    QVERIFY2(QString::fromStdString(error).contains(QString::fromStdString((folder / file).string())), error.c_str());
    // The user reads Gesso's words, not sentencepiece's.
    QVERIFY2(!QString::fromStdString(error).contains(".cc("), error.c_str());
    QVERIFY2(!QString::fromStdString(error).contains("sentencepiece_processor"), error.c_str());
  }

  void missingFolder() {
    const auto error = load_error((dir("bad_tokenizer") / "no such folder").string());
    QVERIFY2(QString::fromStdString(error).contains("no such folder"), error.c_str());
  }
};

QTEST_APPLESS_MAIN(TestT5Tokenizer)
#include "test_t5_tokenizer.moc"
