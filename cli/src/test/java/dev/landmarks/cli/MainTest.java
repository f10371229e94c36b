package dev.landmarks.cli;

import dev.landmarks.common.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    /** Output of one run of the command line. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(Settings.of(Map.of()), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertEquals(ExitCodes.OK, r.code());
        for (String command : new String[]{"submit", "collect", "evaluate", "help"}) {
            assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith(command + " ")), command + " in\n" + r.out());
        }
    }

    @Test
    void commandHelpListsItsOptions() {
        Run r = run("help", "collect");
        assertEquals(ExitCodes.OK, r.code());
        for (String option : new String[]{"--out", "--expect", "--timeout", "--bootstrap-servers", "--from", "--topic"}) {
            assertTrue(r.out().contains(option), option + " in\n" + r.out());
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Run r = run();
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("Commands:"), r.err());
    }

    @Test
    void submitWithoutABrokerSaysHowToGiveOne() {
        Run r = run("submit", "../sample/test.csv");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("submit needs a broker: give --bootstrap-servers"), r.err());
    }

    @Test
    void collectNeedsAnOutputFile() {
        Run r = run("collect", "--bootstrap-servers", "localhost:1");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--out"), r.err());
    }

    @Test
    void evaluatePrintsGapFirst(@TempDir Path dir) throws IOException {
        Path submission = dir.resolve("submission.csv");
        Path solution = dir.resolve("solution.csv");
        // the worked example of docs/evaluation.md
        Files.writeString(solution, "id,landmarks\nq1,A\nq2,B\nq3,C\nq4,\nq5,\n");
        Files.writeString(submission, "id,landmarks\nq1,A 0.9\nq2,C 0.7\nq3,C 0.6\nq4,X 0.8\nq5,\n");
        Run r = run("evaluate", submission.toString(), solution.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("GAP 0.500000", r.out().lines().findFirst().orElseThrow());
        assertTrue(r.out().contains("top-1 accuracy 0.666667 (2 of 3 queries with a landmark)"), r.out());
        assertTrue(r.out().contains("no-landmark queries with a prediction: 1 of 2"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void evaluateWarnsAboutIdsMissingFromTheSubmission(@TempDir Path dir) throws IOException {
        Path submission = dir.resolve("submission.csv");
        Files.writeString(submission, "id,landmarks\n292abf78f14d9af4,sacre_coeur 3\nnot-a-query,A 1\n");
        Run r = run("evaluate", submission.toString(), "../sample/solution.csv");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        // 9 queries of the sample have a landmark; one is answered correctly: GAP = 1/9
        assertEquals("GAP 0.111111", r.out().lines().findFirst().orElseThrow());
        assertTrue(r.err().contains("1 ids of " + submission + " are not in"), r.err());
        assertTrue(r.err().contains("26 ids of ../sample/solution.csv have no row"), r.err());
    }

    @Test
    void aMissingFileIsOneClearLine() {
        Run r = run("evaluate", "no-such-submission.csv", "../sample/solution.csv");
        assertEquals(ExitCodes.FAILURE, r.code());
        assertEquals("landmarks evaluate: no such file: no-such-submission.csv", r.err().trim());
    }
}
