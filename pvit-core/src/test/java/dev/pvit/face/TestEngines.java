package dev.pvit.face;

/** Face engines for tests in other packages: the real pipeline on deterministic {@link FakeNets}. */
public final class TestEngines {
  private TestEngines() {}

  /**
   * An engine that finds one face in the middle of any bright image, identified by its colour.
   *
   * @return the engine
   */
  public static FaceEngine fake() {
    return FaceEngine.create(FaceEngine.builder().attributes(true), new FakeNets());
  }
}
