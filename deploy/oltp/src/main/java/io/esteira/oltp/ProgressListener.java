package io.esteira.oltp;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Hears how far long work has got. One task at a time: start, advance…, finish. */
public interface ProgressListener {

    /** A task starts; {@code total} is -1 when unknown. */
    void start(String task, long total);

    void advance(long done);

    void finish();

    /** Hears nothing. */
    static ProgressListener silent() {
        return new ProgressListener() {
            @Override
            public void start(String task, long total) {}

            @Override
            public void advance(long done) {}

            @Override
            public void finish() {}
        };
    }

    /** A progress bar on standard error. */
    static ProgressListener console() {
        return new ProgressListener() {
            private ProgressBar bar;

            @Override
            public void start(String task, long total) {
                finish();
                bar = new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(500)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .showSpeed()
                        .build();
            }

            @Override
            public void advance(long done) {
                if (bar != null) {
                    bar.stepBy(done);
                }
            }

            @Override
            public void finish() {
                if (bar != null) {
                    bar.close();
                    bar = null;
                }
            }
        };
    }
}
