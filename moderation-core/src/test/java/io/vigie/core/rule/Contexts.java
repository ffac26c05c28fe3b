package io.vigie.core.rule;

import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Stage;

import java.util.List;
import java.util.Set;

/** Scoring contexts for tests: declared ages, likely-minor from the age. */
final class Contexts {

    private Contexts() {
    }

    static ScoringContext of(Integer senderAge, Integer recipientAge, Stage... stages) {
        return new ScoringContext(person("s", senderAge), List.of(person("r", recipientAge)), -1,
                Set.of(stages), 0);
    }

    static Alert.PersonAge person(String id, Integer age) {
        return new Alert.PersonAge(id, age, null, age != null && age < 18);
    }
}
