package dev.ngnc.types;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtApiTest {

    /** A runtime class moved without updating RtApi fails here, not in a compiled program at run time. */
    @Test
    void everyEntryIsAPublicRuntimeClassOfThatName() throws Exception {
        assertTrue(RtApi.entries().size() > 30, RtApi.entries().toString());
        // runtime-llm is not on the compiler's class path: it ships as a bundle jar inside the compiler (driver.LlmRuntime)
        java.net.URL bundle = RtApiTest.class.getClassLoader().getResource(dev.ngnc.jar.RuntimeClasses.LLM_BUNDLE);
        assertTrue(bundle != null, "no " + dev.ngnc.jar.RuntimeClasses.LLM_BUNDLE + " in the compiler's resources");
        ClassLoader llm = new java.net.URLClassLoader(new java.net.URL[] {bundle}, RtApiTest.class.getClassLoader());
        for (Map.Entry<String, String> e : RtApi.entries().entrySet()) {
            ClassLoader loader = e.getValue().startsWith(RtApi.LLM) ? llm : RtApiTest.class.getClassLoader();
            Class<?> c = Class.forName(e.getValue().replace('/', '.'), false, loader);
            assertEquals(e.getKey(), c.getSimpleName());
            assertTrue(Modifier.isPublic(c.getModifiers()), e.getValue() + " is not public");
            assertTrue(e.getValue().startsWith(RtApi.ROOT), e.getValue());
        }
    }

    @Test
    void namesAndDescriptors() {
        assertEquals("dev/ngnc/rt/value/NgnArray", RtApi.cls("NgnArray"));
        assertEquals("Ldev/ngnc/rt/channel/NgnChannel;", RtApi.desc("NgnChannel"));
        assertEquals("dev.ngnc.rt.Rt", RtApi.binaryName("Rt"));
        assertTrue(RtApi.cls("HttpServer").startsWith(RtApi.HTTP));
    }

    /** An internal class (or a typo) is refused: generated code may call only the entry classes. */
    @Test
    void unknownNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RtApi.cls("Scheduler"));
        assertThrows(IllegalArgumentException.class, () -> RtApi.cls("NgnArrray"));
    }
}
