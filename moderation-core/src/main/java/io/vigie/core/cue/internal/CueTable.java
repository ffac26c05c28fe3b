package io.vigie.core.cue.internal;

import io.vigie.core.cue.CueRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cue vocabulary as an immutable list and name index. Thread-safe. */
public final class CueTable implements CueRegistry {

    private final String[] names;
    private final Map<String, Integer> ids;

    /** @param names cue names in id order, unique, never null */
    public CueTable(List<String> names) {
        this.names = names.toArray(new String[0]);
        this.ids = new HashMap<>();
        for (int i = 0; i < this.names.length; i++) {
            if (ids.put(this.names[i], i) != null) {
                throw new IllegalArgumentException("duplicate cue " + this.names[i]);
            }
        }
    }

    @Override
    public int id(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    @Override
    public String name(int id) {
        return names[id];
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public String toString() {
        return "CueTable" + List.of(names);
    }
}
