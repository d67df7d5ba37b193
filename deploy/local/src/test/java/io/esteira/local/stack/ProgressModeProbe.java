package io.esteira.local.stack;

/** Prints the progress mode {@code --progress auto} chooses in this JVM: run by {@link ProgressViewTest}. */
public final class ProgressModeProbe {

    private ProgressModeProbe() {}

    public static void main(String[] args) {
        System.out.println(ProgressView.Mode.parse("auto"));
    }
}
