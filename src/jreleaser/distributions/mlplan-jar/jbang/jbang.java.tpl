//usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
// mlplan is not published to a Maven repository: the catalog's alias runs the release's jar,
// from the GitHub release, directly. This file only keeps JReleaser's jbang layout.
public class {{jbangScriptName}} {
    public static void main(String... args) {
        System.err.println("run: jbang {{jbangAliasName}}@{{repoOwner}}");
        System.exit(2);
    }
}
