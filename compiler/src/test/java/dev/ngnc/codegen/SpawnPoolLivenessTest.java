package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * spawn.cpu tasks that wait on each other (issue 11 item 7): producers blocked on a full channel whose consumer is
 * queued behind them in the pool must not hang; a waiting task frees its worker for a queued one.
 */
class SpawnPoolLivenessTest {

    @Test
    void producersBlockedOnAFullChannelLetTheQueuedConsumerRun() throws Exception {
        int producers = 2 * Runtime.getRuntime().availableProcessors(); // more than the pool's workers
        // each sends 31 values (`0..30` is inclusive), far more than a channel buffers
        StringBuilder src = new StringBuilder("fn main() {\n  const ch = channel<i64>()\n  var started: array<channel<Result<i64, string>>> = []\n");
        for (int p = 0; p < producers; p++) {
            src.append("  started.push(spawn.cpu(|| {\n    for (i in 0..30) { ch <- 1 }\n    return ").append(p)
                    .append("\n  }))\n");
        }
        src.append("  const total = spawn.cpu(|| {\n    var s = 0\n    for (i in 0..").append(31 * producers - 1)
                .append(") { s = s + (<- ch) }\n    return s\n  })\n");
        src.append("  print(<- total)\n  var ok = 0\n  for (c in started) {\n    const r = <- c\n    match (r) {\n      Ok(v) => ok = ok + 1,\n      Error(e) => print(e),\n    }\n  }\n  print(ok)\n  print(\"done\")\n}\n");
        var run = compileAndRun(src.toString());
        assertNull(run.failure());
        assertEquals("Result::Ok (" + 31 * producers + ")\n" + producers + "\ndone\n", run.out());
    }
}
