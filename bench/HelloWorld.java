/** The baseline of bench/hyperfine.sh: a JVM that starts, prints one line and exits. */
public class HelloWorld {
    public static void main(String[] args) {
        System.out.println("hello, world");
    }
}
