//! Command-line usage: clap's usage errors exit 2 with a usage line on stderr; help and version
//! exit 0 on stdout; help texts show examples.

use crate::support::{assert_text, dp, text};

#[test]
fn usage_errors_exit_2() {
    for (args, stderr) in [
        (
            &["plan"][..],
            r#"
            error: the following required arguments were not provided:
              <FILE>...

            Usage: daemonset-playground plan <FILE>...

            For more information, try '--help'.
            "#,
        ),
        (
            &["plan", "cluster.yaml", "--output", "yaml"][..],
            r#"
            error: invalid value 'yaml' for '--output <OUTPUT>'
              [possible values: table, json]

            For more information, try '--help'.
            "#,
        ),
        (
            &["plan", "cluster.yaml", "--seed", "abc"][..],
            r#"
            error: invalid value 'abc' for '--seed <N>': invalid digit found in string

            For more information, try '--help'.
            "#,
        ),
        (
            &["frob"][..],
            r#"
            error: unrecognized subcommand 'frob'

            Usage: daemonset-playground <COMMAND>

            For more information, try '--help'.
            "#,
        ),
        (
            &["explain", "cluster.yaml"][..],
            r#"
            error: the following required arguments were not provided:
              --node <NODE>

            Usage: daemonset-playground explain --node <NODE> <FILE>...

            For more information, try '--help'.
            "#,
        ),
    ] {
        let out = dp(args);
        assert_eq!(out.code, 2, "{args:?}");
        assert_text(&out.stdout, "");
        assert_text(&out.stderr, &text(stderr));
    }
    let out = dp(&[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("A Kubernetes-exact DaemonSet simulator"),
        "{}",
        out.stderr
    );
}

#[test]
fn help_and_version_exit_0_with_examples() {
    let out = dp(&["--help"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("Usage: daemonset-playground <COMMAND>"),
        "{}",
        out.stdout
    );
    assert!(out
        .stdout
        .contains("Examples:\n  # Where do the pods of a DaemonSet land"));
    for sub in ["plan", "run", "explain"] {
        let out = dp(&[sub, "--help"]);
        assert_eq!(out.code, 0, "{sub}");
        assert!(
            out.stdout.contains("Examples:\n  daemonset-playground "),
            "{sub}: {}",
            out.stdout
        );
    }
    let out = dp(&["--version"]);
    assert_eq!(out.code, 0);
    assert_text(
        &out.stdout,
        &format!("daemonset-playground {}\n", env!("CARGO_PKG_VERSION")),
    );
}
