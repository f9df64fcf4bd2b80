package dev.ngnc.codegen;

import dev.ngnc.types.RtApi;
import dev.ngnc.tast.ClosureInfo;
import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.GlobalVar;
import dev.ngnc.tast.LocalVar;
import dev.ngnc.tast.TProgram;
import dev.ngnc.tast.TStmt;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.RoleInfo;
import dev.ngnc.types.Prim;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ngnc.codegen.RtNames.*;

/**
 * Emits all classes of one program. The program class holds the functions ({@code public static},
 * typed descriptors), the globals ({@code public static} fields), {@code $toplevel()} (top-level
 * statements in order), {@code $run()} (top level, then ngn {@code main}) and
 * {@code main(String[])} = {@code Rt.runMain(new ProgramClass$Start())}. Models, roles, closures and
 * function-value adapters each get their own class.
 */
final class ProgramEmitter implements Opcodes {
    /** Name of the static method running the top-level statements. */
    static final String TOP_LEVEL = "$toplevel";
    /** Name of the static method running the whole program (top level, then main) on the current thread. */
    static final String RUN = "$run";
    /** runtime-http's server entry point ({@code serveExport(Object)}). */
    static final String HTTP_SERVER = RtApi.cls("HttpServer");

    private final TProgram program;
    private final ClassRegistry reg;
    /** Emit LocalVariableTables (see {@link MethodGen}). */
    final boolean debugInfo;
    private final Map<FnSymbol, String> adapters = new IdentityHashMap<>();
    /** Which parameters of each called function are borrowed (Borrows), computed once per callee. */
    final Map<FnSymbol, boolean[]> borrows = new IdentityHashMap<>();
    private final Set<ClosureInfo> scheduled = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<ClosureInfo> pending = new ArrayDeque<>();
    private final Set<String> dispatchers = new java.util.HashSet<>();
    private int closureCount;
    private int adapterCount;

    ProgramEmitter(TProgram program, boolean debugInfo) {
        this.program = program;
        this.debugInfo = debugInfo;
        String source = program.file() == null ? "main.ngn" : program.file().fileName();
        this.reg = new ClassRegistry(source);
    }

    ClassRegistry registry() {
        return reg;
    }

    Map<String, byte[]> emit() {
        String main = program.mainClass();
        // models (and the role interfaces they implement) first: extend methods may live in them
        Set<RoleInfo> roles = new LinkedHashSet<>();
        for (ModelInfo m : program.models()) roles.addAll(m.roles);
        for (TProgram.RoleBinding b : program.roleBindings()) roles.add(b.role());
        for (RoleInfo r : roles) {
            if (!reg.exists(r.internalName)) ModelEmitter.roleInterface(reg, r);
        }
        for (ModelInfo m : program.models()) {
            ClassWriter cw = ModelEmitter.begin(reg, m);
            ModelEmitter.members(cw, m);
            for (TProgram.RoleBinding b : program.roleBindings()) {
                if (b.model() == m) ModelEmitter.roleBridge(cw, b);
            }
        }

        reg.begin(main, OBJECT, 0);
        for (GlobalVar gv : program.globals()) {
            classFor(gv.ownerInternalName).visitField(ACC_PUBLIC | ACC_STATIC, gv.fieldName,
                    Rep.slot(gv.type).descriptor(), null, null).visitEnd();
        }
        for (ClosureInfo c : program.closures()) closureClass(c);
        for (FnSymbol fn : program.functions()) function(fn);
        topLevel(main);
        run(main);
        mainMethod(main);
        while (!pending.isEmpty()) {
            ClosureInfo closure = pending.poll();
            try {
                ClosureEmitter.closure(this, closure);
            } catch (MethodGen.TooLarge e) {
                throw new CodeTooLargeException(null, "a closure is too large for the JVM (its body compiles to more"
                        + " than 64 KB of bytecode)", "make the closure call a named function holding the body");
            }
        }
        return reg.finish();
    }

    /** The writer of class {@code owner}, starting a plain class if it does not exist yet. */
    ClassVisitor classFor(String owner) {
        ClassWriter cw = reg.get(owner);
        return cw != null ? cw : reg.begin(owner, OBJECT, 0);
    }

    /** The class of a closure, scheduling its generation (once). */
    String closureClass(ClosureInfo info) {
        if (info.internalName == null) {
            String name;
            do {
                name = program.mainClass() + "$Closure" + (++closureCount);
            } while (reg.exists(name));
            info.internalName = name;
            reg.declareSuper(name, FN);
        }
        if (scheduled.add(info)) pending.add(info);
        return info.internalName;
    }

    /** The adapter class making {@code fn} a function value (generated once). */
    String fnAdapter(FnSymbol fn) {
        String name = adapters.get(fn);
        if (name == null) {
            do {
                name = program.mainClass() + "$Fn" + (++adapterCount);
            } while (reg.exists(name));
            adapters.put(fn, name);
            ClosureEmitter.fnAdapter(this, fn, name);
        }
        return name;
    }

    /** The class holding the dispatcher for {@code call}'s (method, argc), generating it on first use. */
    String dynDispatcher(dev.ngnc.tast.TExpr.DynCall call) {
        String main = program.mainClass();
        if (dispatchers.add(DynDispatch.name(call.name(), call.args().size()))) {
            DynDispatch.emit(classFor(main), call.name(), call.args().size(), call.branches());
        }
        return main;
    }

    /** {@code base}, or {@code base2}, {@code base3} … : a class name not generated yet. */
    String uniqueClassName(String base) {
        String name = base;
        for (int i = 2; reg.exists(name); i++) name = base + i;
        return name;
    }

    /** The JVM gives a method at most 255 parameter slots; {@code i64}/{@code f64} take two each. */
    static final int MAX_PARAMETER_SLOTS = 255;

    private void function(FnSymbol fn) {
        int slots = (org.objectweb.asm.Type.getArgumentsAndReturnSizes(fn.descriptor()) >> 2) - 1;
        if (slots > MAX_PARAMETER_SLOTS) {
            throw new CodeTooLargeException(fn.span, "function '" + fn.name + "' has too many parameters for the JVM ("
                    + slots + " slots of " + MAX_PARAMETER_SLOTS + "; i64 and f64 take two)",
                    "pass related values together as a model, an array or a tuple");
        }
        try {
            wholeFunction(fn);
        } catch (MethodGen.TooLarge e) {
            MethodSplitter.emit(this, new MethodSplitter.Body(classFor(fn.ownerInternalName), fn.ownerInternalName,
                    ACC_PUBLIC | ACC_STATIC, fn.jvmName, fn.descriptor(), fn.params, fn.result, fn.body, fn.span,
                    "function '" + fn.name + "'"));
        }
    }

    private void wholeFunction(FnSymbol fn) {
        ClassVisitor cv = classFor(fn.ownerInternalName);
        MethodGen g = new MethodGen(cv, fn.ownerInternalName, ACC_PUBLIC | ACC_STATIC, fn.jvmName, fn.descriptor(),
                fn.result, Rep.of(fn.result), debugInfo);
        for (LocalVar p : fn.params) g.bindParam(p);
        ExprEmitter ex = new ExprEmitter(this, g);
        if (fn.body == null) {
            g.line(fn.span);
            g.mv().visitLdcInsn("function " + fn.name + " has no body");
            g.mv().visitMethodInsn(INVOKESTATIC, ERROR, "internal", "(Ljava/lang/String;)L" + ERROR + ";", false);
            g.mv().visitInsn(ATHROW);
        } else {
            if (fn.span != null) g.line(fn.span);
            ex.stmts.emit(fn.body);
            ex.stmts.fallOffEnd(fn.body);
        }
        g.finish();
    }

    private void topLevel(String main) {
        try {
            wholeTopLevel(main);
        } catch (MethodGen.TooLarge e) {
            List<TStmt> stmts = program.topLevel() == null ? List.of() : program.topLevel();
            String file = program.file() == null ? "the program" : program.file().fileName();
            MethodSplitter.emit(this, new MethodSplitter.Body(classFor(main), main, ACC_PUBLIC | ACC_STATIC,
                    TOP_LEVEL, "()V", List.of(), Prim.VOID, new TStmt.Block(stmts, null, false), null,
                    "the top level of " + file));
        }
    }

    private void wholeTopLevel(String main) {
        MethodGen g = new MethodGen(classFor(main), main, ACC_PUBLIC | ACC_STATIC, TOP_LEVEL, "()V", Prim.VOID,
                Rep.VOID, debugInfo);
        ExprEmitter ex = new ExprEmitter(this, g);
        List<TStmt> stmts = program.topLevel() == null ? List.of() : program.topLevel();
        for (TStmt s : stmts) ex.stmts.emit(s);
        g.mv().visitInsn(RETURN);
        g.finish();
    }

    private void run(String main) {
        MethodVisitor mv = classFor(main).visitMethod(ACC_PUBLIC | ACC_STATIC, RUN, "()V", null, null);
        mv.visitCode();
        for (String module : program.moduleInits()) {
            mv.visitMethodInsn(INVOKESTATIC, module, TOP_LEVEL, "()V", false);
        }
        mv.visitMethodInsn(INVOKESTATIC, main, TOP_LEVEL, "()V", false);
        FnSymbol entry = program.entry();
        if (entry != null) {
            for (LocalVar p : entry.params) Rep.slot(p.type).pushDefault(mv);
            mv.visitMethodInsn(INVOKESTATIC, entry.ownerInternalName, entry.jvmName, entry.descriptor(), false);
            Rep.of(entry.result).pop(mv);
        }
        GlobalVar server = program.serverExport();
        if (server != null) {
            // export default { fetch, config? } without main: serve it until the server is stopped
            mv.visitFieldInsn(GETSTATIC, server.ownerInternalName, server.fieldName, Rep.slot(server.type).descriptor());
            Coercions.coerce(mv, Rep.slot(server.type), Rep.ref(OBJECT));
            mv.visitMethodInsn(INVOKESTATIC, HTTP_SERVER, "serveExport", "(Ljava/lang/Object;)V", false);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@code main(String[])} = {@code Rt.runMain(new Main$Start())}. The body's Runnable is a plain generated class, not
     * a lambda: the first lambda of a JVM spins its class through the class-file API, which costs a short program
     * ~200 JDK classes and several ms of start-up.
     */
    private void mainMethod(String main) {
        String start = startClass(main);
        MethodVisitor mv = classFor(main).visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null,
                null);
        mv.visitCode();
        mv.visitTypeInsn(NEW, start);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, start, "<init>", "()V", false);
        mv.visitMethodInsn(INVOKESTATIC, RTMAIN, "runMain", "(Ljava/lang/Runnable;)V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code final class Main$Start implements Runnable { public void run() { Main.$run(); } }} */
    private String startClass(String main) {
        String name = main + "$Start";
        while (reg.exists(name)) name += "_";
        ClassWriter cw = reg.begin(name, OBJECT, ACC_FINAL, "java/lang/Runnable");
        ClassRegistry.noArgConstructor(cw, ACC_PUBLIC, OBJECT);
        MethodVisitor run = cw.visitMethod(ACC_PUBLIC, "run", "()V", null, null);
        run.visitCode();
        run.visitMethodInsn(INVOKESTATIC, main, RUN, "()V", false);
        run.visitInsn(RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        return name;
    }
}
