// The readout's state from run to run: a cancelled run leaves no count and no time left, the next
// run starts without the last one's count, a finished run shows its summary with a full bar.
#include <QtTest>

#include "ui/readout_bar.h"

using gesso::ui::ReadoutBar;

class TestReadoutBar : public QObject {
  Q_OBJECT

 private slots:
  void startsEmpty() {
    ReadoutBar bar;
    QCOMPARE(bar.stageText(), QStringLiteral("Ready"));
    QCOMPARE(bar.progressText(), QString());  // no "0%"
    QCOMPARE(bar.progress(), 0);
    QCOMPARE(bar.speedText(), QString());
    QCOMPARE(bar.timeText(), QString());
  }

  void stepsShowCountSpeedAndTimeLeft() {
    ReadoutBar bar;
    bar.startRun();
    bar.setStep(2, 30, 1.5, 4.0, 156.0, 0, 0, 0);
    QCOMPARE(bar.progressText(), QStringLiteral("2 / 30"));
    QCOMPARE(bar.progress(), 2);
    QCOMPARE(bar.speedText(), QStringLiteral("1.50 it/s"));
    QCOMPARE(bar.timeText(), QStringLiteral("0:04 elapsed, 2:36 left"));
    QCOMPARE(bar.vramText(), QStringLiteral("CPU run"));
  }

  // Issue 18, item 4: "after a cancel the bar stays at 2 / 30 with 2:36 left".
  void aCancelLeavesNoCountAndNoTimeLeft() {
    ReadoutBar bar;
    bar.startRun();
    bar.setStep(2, 30, 1.5, 4.0, 156.0, 0, 0, 0);
    bar.stopRun(QStringLiteral("Cancelled"));
    QCOMPARE(bar.stageText(), QStringLiteral("Cancelled"));
    QCOMPARE(bar.progressText(), QString());
    QCOMPARE(bar.progress(), 0);
    QVERIFY2(!bar.timeText().contains("left"), qPrintable(bar.timeText()));
    QCOMPARE(bar.timeText(), QString());
  }

  // "The next run starts showing the old count": startRun clears it, before the first step.
  void theNextRunStartsClean() {
    ReadoutBar bar;
    bar.startRun();
    bar.setStep(2, 30, 1.5, 4.0, 156.0, 0, 0, 0);
    bar.startRun();
    QCOMPARE(bar.progressText(), QString());
    QCOMPARE(bar.progress(), 0);
    QCOMPARE(bar.speedText(), QString());
    QCOMPARE(bar.timeText(), QString());
    QCOMPARE(bar.stageText(), QStringLiteral("Starting…"));
    bar.setStep(1, 3, 2.0, 0.5, 1.0, 0, 0, 0);
    QCOMPARE(bar.progressText(), QStringLiteral("1 / 3"));
  }

  void aFinishedRunShowsItsSummaryAndAFullBar() {
    ReadoutBar bar;
    bar.startRun();
    bar.setStep(30, 30, 1.5, 20.0, 0.0, 0, 0, 0);
    bar.finishRun(QStringLiteral("4 image(s) in 41.2 s"));
    QCOMPARE(bar.stageText(), QStringLiteral("4 image(s) in 41.2 s"));
    QCOMPARE(bar.progress(), 30);
    QCOMPARE(bar.progressText(), QStringLiteral("30 / 30"));
    QCOMPARE(bar.timeText(), QString());  // the summary has the time; no "0:00 left"
  }
};

QTEST_MAIN(TestReadoutBar)
#include "test_readout_bar.moc"
