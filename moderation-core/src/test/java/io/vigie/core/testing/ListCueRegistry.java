package io.vigie.core.testing;

import io.vigie.core.cue.CueRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A cue registry over a fixed list of names, for test signal models: a cue's id is its index in the list, and
 * {@link #id(String)} gives -1 for a name not in it. Immutable and thread-safe.
 */
public final class ListCueRegistry implements CueRegistry {

    private final List<String> names;
    private final Map<String, Integer> ids = new HashMap<>();

    /** @param names the cue names, without repeats; never null */
    public ListCueRegistry(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < this.names.size(); i++) {
            if (ids.putIfAbsent(this.names.get(i), i) != null) {
                throw new IllegalArgumentException("cue named twice: " + this.names.get(i));
            }
        }
    }

    @Override
    public int id(String name) {
        return ids.getOrDefault(name, -1);
    }

    @Override
    public String name(int id) {
        return names.get(id);
    }

    @Override
    public int size() {
        return names.size();
    }
}
