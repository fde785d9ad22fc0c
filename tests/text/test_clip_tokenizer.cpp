// CLIPTokenizer against transformers' CLIPTokenizer (the fixture's ids) on SD 1.x / 2.x folders
// and on the layout transformers 5 saves, for every fixture prompt.
#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <future>

#include "common/fixtures.h"
#include "engine/error.h"
#include "engine/text/clip_tokenizer.h"

using gesso::text::CLIPTokenizer;

namespace {

const nlohmann::json& cases() {
  static const nlohmann::json j = [] {
    std::ifstream in(gesso::test::fixture_dir("text") / "tokenizer_cases.json");
    return nlohmann::json::parse(in);
  }();
  return j;
}

std::string folder(const std::string& name) { return (gesso::test::fixture_dir("text") / "tokenizer" / name).string(); }

QString show(const std::vector<int64_t>& ids) {
  QStringList parts;
  for (auto id : ids) parts << QString::number(id);
  return parts.join(' ');
}

// The first prompt whose ids differ, described; empty when all match.
QString first_mismatch(const std::string& config, const char* what,
                       std::vector<int64_t> (CLIPTokenizer::*method)(const std::string&) const) {
  const CLIPTokenizer tok = CLIPTokenizer::from_dir(folder(config));
  const auto& prompts = cases()["prompts"];
  const auto& expected = cases()["configs"][config][what];
  for (std::size_t i = 0; i < prompts.size(); ++i) {
    const auto prompt = prompts[i].get<std::string>();
    const auto want = expected[i].get<std::vector<int64_t>>();
    const auto got = (tok.*method)(prompt);
    if (got != want)
      return QString("%1 %2, prompt %3 \"%4\":\n  ours %5\n  want %6")
          .arg(config.c_str(), what).arg(i).arg(QString::fromStdString(prompt).left(80), show(got), show(want));
  }
  return {};
}

}  // namespace

class TestCLIPTokenizer : public QObject {
  Q_OBJECT

 private slots:
  void encodeMatchesTransformers_data() {
    QTest::addColumn<QString>("config");
    for (const char* c : {"sd1", "sd2", "sd2_saved"}) QTest::newRow(c) << QString(c);
  }
  void encodeMatchesTransformers() {
    QFETCH(QString, config);
    QVERIFY(cases()["prompts"].size() >= 60);
    const QString mismatch = first_mismatch(config.toStdString(), "encode", &CLIPTokenizer::encode);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
  }

  void tokenizeMatchesTransformers_data() { encodeMatchesTransformers_data(); }
  void tokenizeMatchesTransformers() {
    QFETCH(QString, config);
    const QString mismatch = first_mismatch(config.toStdString(), "tokenize", &CLIPTokenizer::tokenize);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
  }

  void specialIdsMatchTransformers_data() { encodeMatchesTransformers_data(); }
  void specialIdsMatchTransformers() {
    QFETCH(QString, config);
    const auto& want = cases()["configs"][config.toStdString()];
    const auto tok = CLIPTokenizer::from_dir(folder(config.toStdString()));
    QCOMPARE(tok.bos_id(), want["bos_id"].get<int64_t>());
    QCOMPARE(tok.eos_id(), want["eos_id"].get<int64_t>());
    QCOMPARE(tok.pad_id(), want["pad_id"].get<int64_t>());
    QCOMPARE(tok.model_max_length(), want["model_max_length"].get<int>());
  }

  void sd1AndSd2PadDifferently() {
    const auto sd1 = CLIPTokenizer::from_dir(folder("sd1")), sd2 = CLIPTokenizer::from_dir(folder("sd2"));
    QCOMPARE(sd1.pad_id(), sd1.eos_id());
    QCOMPARE(sd2.pad_id(), int64_t(0));  // "!"
    QCOMPARE(sd1.encode("a cat").back(), sd1.eos_id());
    QCOMPARE(sd2.encode("a cat").back(), int64_t(0));
  }

  void concurrentUseAgrees() {
    const auto tok = CLIPTokenizer::from_dir(folder("sd1"));
    const auto& prompts = cases()["prompts"];
    auto run = [&] {
      std::vector<std::vector<int64_t>> out;
      for (const auto& p : prompts) out.push_back(tok.encode(p.get<std::string>()));
      return out;
    };
    auto a = std::async(std::launch::async, run), b = std::async(std::launch::async, run);
    const auto serial = run();
    QVERIFY(a.get() == serial);
    QVERIFY(b.get() == serial);
  }

  void brokenFoldersNameTheFile_data() {
    QTest::addColumn<QString>("name");
    std::ifstream in(gesso::test::fixture_dir("text") / "tokenizer" / "bad" / "expect.json");
    const auto expect = nlohmann::json::parse(in);
    for (const auto& [name, file] : expect.items()) QTest::newRow(name.c_str()) << QString(name.c_str());
  }
  void brokenFoldersNameTheFile() {
    QFETCH(QString, name);
    std::ifstream in(gesso::test::fixture_dir("text") / "tokenizer" / "bad" / "expect.json");
    const auto file = nlohmann::json::parse(in)[name.toStdString()].get<std::string>();
    try {
      CLIPTokenizer::from_dir(folder("bad/" + name.toStdString()));
      QFAIL("loaded a broken tokenizer folder");
    } catch (const gesso::ModelFileError& e) {
      QVERIFY2(QString(e.what()).contains(QString::fromStdString(file)), e.what());
      QVERIFY2(QString::fromStdString(e.path()).endsWith(QString::fromStdString(file)), e.what());
    }
  }

  void missingFolderIsAModelFileError() {
    QVERIFY_THROWS_EXCEPTION(gesso::ModelFileError, CLIPTokenizer::from_dir(folder("no_such_folder")));
  }
};

QTEST_GUILESS_MAIN(TestCLIPTokenizer)
#include "test_clip_tokenizer.moc"
