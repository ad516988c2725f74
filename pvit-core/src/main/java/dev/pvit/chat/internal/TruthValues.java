package dev.pvit.chat.internal;

import dev.pvit.chat.internal.LogicalForm.Junction;
import java.util.List;
import java.util.Optional;

/**
 * Three-valued truth for answers that combine parts: each part is yes, no or unknown (too close
 * to call, or a person who may or may not be a lookalike). The engine answers yes or no only when
 * the known parts decide it whatever the unknown ones turn out to be, and abstains otherwise.
 */
final class TruthValues {
  private TruthValues() {}

  /**
   * Three-valued junction: a value is known when the known parts decide it whatever the unknown
   * ones turn out to be.
   */
  static Optional<Boolean> combine(Junction j, List<Optional<Boolean>> values) {
    boolean anyTrue = values.stream().anyMatch(v -> v.orElse(false));
    boolean anyFalse = values.stream().anyMatch(v -> !v.orElse(true));
    boolean allKnown = values.stream().allMatch(Optional::isPresent);
    return switch (j) {
      case ALL -> anyFalse ? Optional.of(false) : allKnown ? Optional.of(true) : Optional.empty();
      case ANY -> anyTrue ? Optional.of(true) : allKnown ? Optional.of(false) : Optional.empty();
      case NONE -> anyTrue ? Optional.of(false) : allKnown ? Optional.of(true) : Optional.empty();
    };
  }
}
