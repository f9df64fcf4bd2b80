package dev.ngnc.check;

import dev.ngnc.tast.FnSymbol;
import dev.ngnc.tast.GlobalVar;
import dev.ngnc.types.EnumInfo;
import dev.ngnc.types.ModelInfo;
import dev.ngnc.types.RoleInfo;
import dev.ngnc.types.Type;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a checked module makes visible to importers. */
final class ModuleExports {
    final String path;
    final Map<String, FnSymbol> functions = new LinkedHashMap<>();
    final Map<String, ModelInfo> models = new LinkedHashMap<>();
    final Map<String, EnumInfo> enums = new LinkedHashMap<>();
    final Map<String, RoleInfo> roles = new LinkedHashMap<>();
    final Map<String, Type> aliases = new LinkedHashMap<>();
    /** The module has syntax errors: a name missing here may be in the code the parser dropped. */
    boolean incomplete;
    /** {@code export default f} naming a function. */
    FnSymbol defaultFunction;
    /** {@code export default <expr>}: the module global holding the value. */
    GlobalVar defaultValue;
    /** Names of the value exports (functions and {@code default}) in declaration order: the module object's members. */
    final java.util.List<String> valueOrder = new java.util.ArrayList<>();

    ModuleExports(String path) { this.path = path; }

    boolean hasValue(String name) { return functions.containsKey(name); }

    boolean hasType(String name) {
        return models.containsKey(name) || enums.containsKey(name) || roles.containsKey(name)
                || aliases.containsKey(name);
    }
}
