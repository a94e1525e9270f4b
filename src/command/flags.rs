//! A small pflag: flags anywhere among the arguments (`--name=value`, `--name value`, `-n value`,
//! `-nvalue`, boolean `--flag` or `--flag=false`), `--` ends flags. Errors are cobra's.

use super::StepError;
use crate::kubectl::messages;

/// One flag a command accepts.
#[derive(Clone, Copy, Debug)]
pub struct Flag {
    pub long: &'static str,
    pub short: Option<char>,
    /// Whether the flag takes a value (otherwise it is boolean).
    pub value: bool,
}

impl Flag {
    pub const fn bool(long: &'static str) -> Self {
        Flag {
            long,
            short: None,
            value: false,
        }
    }

    pub const fn value(long: &'static str) -> Self {
        Flag {
            long,
            short: None,
            value: true,
        }
    }

    pub const fn short(mut self, c: char) -> Self {
        self.short = Some(c);
        self
    }
}

/// kubectl's global `--namespace/-n`, accepted by every kubectl command.
pub const NAMESPACE: Flag = Flag::value("namespace").short('n');

/// The arguments of one command, flags separated out.
#[derive(Clone, Debug, Default)]
pub struct Parsed {
    pub positionals: Vec<String>,
    /// Flag values in the order given, by long name (booleans as `true`/`false`).
    pub values: Vec<(&'static str, String)>,
}

impl Parsed {
    /// The last value of a flag.
    pub fn get(&self, long: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(l, _)| *l == long)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a repeatable flag, in order.
    pub fn all(&self, long: &str) -> Vec<String> {
        self.values
            .iter()
            .filter(|(l, _)| *l == long)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// A boolean flag's value (`--flag`, `--flag=true|false`).
    pub fn bool(&self, long: &str, path: &str) -> Result<bool, StepError> {
        match self.get(long) {
            None => Ok(false),
            Some(v) => parse_bool(v).ok_or_else(|| {
                StepError(messages::invalid_flag_value(
                    v,
                    &format!("--{long}"),
                    &format!("strconv.ParseBool: parsing \"{v}\": invalid syntax"),
                    path,
                ))
            }),
        }
    }

    /// The namespace (`-n`), or `default`.
    pub fn namespace(&self) -> String {
        self.get("namespace").unwrap_or("default").to_string()
    }

    /// An integer flag (`--to-revision=N`), with pflag's error for a bad value.
    pub fn int(&self, long: &str, path: &str) -> Result<Option<i64>, StepError> {
        match self.get(long) {
            None => Ok(None),
            Some(v) => v.parse::<i64>().map(Some).map_err(|_| {
                StepError(messages::invalid_flag_value(
                    v,
                    &format!("--{long}"),
                    &format!("strconv.ParseInt: parsing \"{v}\": invalid syntax"),
                    path,
                ))
            }),
        }
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "true" | "TRUE" | "True" => Some(true),
        "0" | "f" | "F" | "false" | "FALSE" | "False" => Some(false),
        _ => None,
    }
}

/// Separates flags from positional arguments. `path` is the command path for error hints
/// (`kubectl taint`).
pub fn parse(args: &[String], flags: &[Flag], path: &str) -> Result<Parsed, StepError> {
    let mut out = Parsed::default();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        i += 1;
        if arg == "--" {
            out.positionals.extend(args[i..].iter().cloned());
            break;
        }
        if let Some(body) = arg.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (body, None),
            };
            let Some(flag) = flags.iter().find(|f| f.long == name) else {
                return Err(StepError(messages::unknown_flag(
                    &format!("--{name}"),
                    path,
                )));
            };
            let value = if flag.value {
                match inline {
                    Some(v) => v,
                    None if i < args.len() => {
                        i += 1;
                        args[i - 1].clone()
                    }
                    None => {
                        return Err(StepError(messages::flag_needs_argument(
                            &format!("--{name}"),
                            path,
                        )))
                    }
                }
            } else {
                inline.unwrap_or_else(|| "true".to_string())
            };
            out.values.push((flag.long, value));
            continue;
        }
        if arg.len() > 1 && arg.starts_with('-') && arg != "-" {
            // Shorthand flags: `-n ns`, `-nns`, `-n=ns`, and bundles of booleans.
            let letters: Vec<char> = arg[1..].chars().collect();
            let mut j = 0;
            while j < letters.len() {
                let c = letters[j];
                let Some(flag) = flags.iter().find(|f| f.short == Some(c)) else {
                    return Err(StepError(messages::unknown_shorthand_flag(c, arg, path)));
                };
                if flag.value {
                    let rest: String = letters[j + 1..].iter().collect();
                    let value = if let Some(v) = rest.strip_prefix('=') {
                        v.to_string()
                    } else if !rest.is_empty() {
                        rest
                    } else if i < args.len() {
                        i += 1;
                        args[i - 1].clone()
                    } else {
                        return Err(StepError(format!(
                            "error: flag needs an argument: '{c}' in -{c}\nSee '{path} --help' for usage."
                        )));
                    };
                    out.values.push((flag.long, value));
                    break;
                }
                out.values.push((flag.long, "true".to_string()));
                j += 1;
            }
            continue;
        }
        out.positionals.push(arg.clone());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    const FLAGS: &[Flag] = &[
        NAMESPACE,
        Flag::bool("overwrite"),
        Flag::value("selector").short('l'),
    ];

    #[test]
    fn flags_go_anywhere() {
        let p = parse(
            &args("a --overwrite -n kube-system b -lapp=x"),
            FLAGS,
            "kubectl label",
        )
        .unwrap();
        assert_eq!(p.positionals, vec!["a", "b"]);
        assert_eq!(p.namespace(), "kube-system");
        assert!(p.bool("overwrite", "kubectl label").unwrap());
        assert_eq!(p.get("selector"), Some("app=x"));
        let p = parse(
            &args("--namespace=x -- --overwrite"),
            FLAGS,
            "kubectl label",
        )
        .unwrap();
        assert_eq!(p.positionals, vec!["--overwrite"]);
        assert_eq!(p.namespace(), "x");
    }

    #[test]
    fn cobra_errors() {
        assert_eq!(
            parse(&args("--bogus"), FLAGS, "kubectl label")
                .unwrap_err()
                .0,
            "error: unknown flag: --bogus\nSee 'kubectl label --help' for usage."
        );
        assert_eq!(
            parse(&args("-x"), FLAGS, "kubectl label").unwrap_err().0,
            "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl label --help' for usage."
        );
        assert_eq!(
            parse(&args("--namespace"), FLAGS, "kubectl label")
                .unwrap_err()
                .0,
            "error: flag needs an argument: --namespace\nSee 'kubectl label --help' for usage."
        );
        assert_eq!(
            parse(&args("-n"), FLAGS, "kubectl label").unwrap_err().0,
            "error: flag needs an argument: 'n' in -n\nSee 'kubectl label --help' for usage."
        );
        let p = parse(&args("--overwrite=maybe"), FLAGS, "kubectl label").unwrap();
        assert_eq!(
            p.bool("overwrite", "kubectl label").unwrap_err().0,
            "error: invalid argument \"maybe\" for \"--overwrite\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'kubectl label --help' for usage."
        );
    }
}
