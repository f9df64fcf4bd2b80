package dev.ngnc.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twin of bench/ngn/json.ngn as Java programmers write it: Jackson databind, one {@code ObjectMapper}, maps and
 * lists in and out (TreeMap: ngn objects stringify with sorted keys). {@link JsonHandParser} does the same with a
 * parser specialised to the data.
 */
public final class Json {
    private Json() {}

    public static void main(String[] args) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        long total = 0;
        for (long i = 0; i < 300_000; i++) {
            Map<String, Object> pos = new TreeMap<>();
            pos.put("x", i % 10);
            pos.put("y", 2L);
            Map<String, Object> obj = new TreeMap<>();
            obj.put("id", i);
            obj.put("name", "user" + (i % 100));
            obj.put("tags", List.of("a", "b", "c"));
            obj.put("pos", pos);
            String text = mapper.writeValueAsString(obj);
            total += text.length();
            Map<?, ?> back = mapper.readValue(text, Map.class);
            Map<?, ?> backPos = (Map<?, ?>) back.get("pos");
            total += ((Number) back.get("id")).longValue() % 10 + ((Number) backPos.get("x")).longValue()
                    + ((List<?>) back.get("tags")).size();
        }
        System.out.println(total);
    }
}
