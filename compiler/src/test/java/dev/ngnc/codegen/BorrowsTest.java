package dev.ngnc.codegen;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import static dev.ngnc.codegen.ArithmeticPropertyTest.compile;
import static dev.ngnc.codegen.ArithmeticPropertyTest.compileAndRun;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Arguments passed without {@code share()} (Borrows): only where the callee can neither mutate the value in place
 * nor be overtaken by a mutation of the caller's local; every other alias still sees its own value.
 */
class BorrowsTest {

    private static final String ALIASES = """
            model Point { x: i64, y: i64 }
            role Bump { fn bump(): i64 }
            extend Point with Bump {
              fn bump(): i64 {
                this.x = this.x + 100
                return this.x
              }
              fn sum(): i64 { return this.x + this.y }
            }
            fn keep(p: Point): array<Point> { return [p] }
            fn later(p: Point): fn<i64> { return || p.x }
            fn viaRole(b: Bump): i64 { return b.bump() }
            fn pair(xs: array<i64>, n: i64): i64 { return xs.size() * 10 + n }
            fn same(p: Point): Point { return p }
            fn copyAndPush(xs: array<i64>): i64 {
              var mine = xs
              mine.push(9)
              return mine.size()
            }
            fn main() {
              var p = Point { x: 3, y: 4 }
              const kept = keep(p)
              p.x = 7
              print(kept[0].x)
              const f = later(p)
              p.x = 8
              print(f())
              print(viaRole(p))
              print(p.x)
              var xs = [1, 2, 3]
              print(pair(xs, xs.pop()))
              print(xs.size())
              print(copyAndPush(xs))
              print(xs.size())
              var q = same(p)
              q.y = 40
              print(p.y)
              print(p.sum())
              var fresh = Point { x: 1, y: 1 }
              var alias = same(fresh)
              alias.x = 50
              print(fresh.x)
              var other = Point { x: 2, y: 2 }
              const g = later(other)
              other.x = 60
              print(g())
              var third = Point { x: 3, y: 3 }
              const held = keep(third)
              third.x = 70
              print(held[0].x)
            }
            """;

    @Test
    void noAliasSeesAnotherAliasMutation() throws Exception {
        // kept/closure keep the value from before the caller's writes (also for values never shared before); the role method (which changes `this`)
        // works on the callee's copy; the callee sees xs before the later argument pops it; a copy made in the
        // callee and pushed to leaves the caller's array alone; a returned alias is its own value.
        assertEquals("3\n7\n108\n8\n33\n2\n3\n2\n4\n12\n1\n2\n3\n", compileAndRun(ALIASES).out());
    }

    @Test
    void onlyArgumentsThatCannotBeMutatedMeanwhileSkipTheShare() {
        MethodNode main = Bytecode.method(compile(ALIASES), "fn$main");
        // shared: p into viaRole (role method on the parameter), xs into pair (the next argument pops it), p and
        // fresh into same (returns its parameter as is), p and third into keep (an array literal element: not
        // among the uses known to share); later's capture shares by itself
        assertEquals(6, shares(main));
    }

    private static final String READ_ONLY = """
            model Point { x: i64, y: i64 }
            extend Point {
              fn dist(o: Point): i64 { return this.x - o.x + this.y - o.y }
            }
            fn total(xs: array<i64>): i64 {
              var t = 0
              for (x in xs) { t = t + x }
              return t
            }
            fn main() {
              var p = Point { x: 5, y: 6 }
              const o = Point { x: 1, y: 1 }
              var xs = [1, 2, 3]
              var i = 0
              while (i < 3) {
                print(p.dist(o) + total(xs))
                p.x = p.x + 1
                xs.push(i)
                i = i + 1
              }
              print(xs)
            }
            """;

    @Test
    void readOnlyCalleesBorrowAndTheCallerStillMutatesItsOwnValue() throws Exception {
        assertEquals("15\n16\n18\n[1, 2, 3, 0, 1, 2]\n", compileAndRun(READ_ONLY).out());
        assertEquals(0, shares(Bytecode.method(compile(READ_ONLY), "fn$main")));
    }

    private static int shares(MethodNode m) {
        int n = 0;
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode call && call.name.equals("share")) n++;
        }
        return n;
    }
}
