/** The JVM floor: a class that starts and returns, so a JVM's own start and exit are all that is measured. */
public final class Floor {
    private Floor() {
    }

    public static void main(String[] args) {
        // nothing: the point
    }
}
