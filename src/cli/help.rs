//! Help in Vietnamese. clap writes its headings ("Usage:", "Options:"), its defaults
//! ("[default: …]") and its own flags ("Print help") in English: every command is given
//! Vietnamese ones here, so that `--help` reads like the rest of the tool.

use clap::{Arg, ArgAction, Command};

const WITH_COMMANDS: &str =
    "{about-with-newline}\nCách dùng: {usage}\n\nLệnh:\n{subcommands}\n\nTùy chọn:\n{options}\n";
const ONE_COMMAND: &str = "{about-with-newline}\nCách dùng: {usage}\n\nTùy chọn:\n{options}\n";

/// The program's command with Vietnamese help on it and on each of its commands.
pub fn vietnamese(program: Command) -> Command {
    let name = program.get_name().to_string();
    let program = program
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help("In số phiên bản"))
        .override_usage(format!("{name} <lệnh> [tùy chọn]"))
        .help_template(WITH_COMMANDS)
        .mut_subcommands(|command| {
            let usage = format!("{name} {} [tùy chọn]", command.get_name());
            with_help(localized_args(command)).override_usage(usage).help_template(ONE_COMMAND)
        });
    with_help(program)
}

/// `-h`, `--help` described in Vietnamese.
fn with_help(command: Command) -> Command {
    command
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("In hướng dẫn này"))
}

/// Each option's accepted values and default, told in Vietnamese after its description.
fn localized_args(command: Command) -> Command {
    command.mut_args(|arg| {
        let values: Vec<String> = arg.get_possible_values().iter().map(|v| v.get_name().to_string()).collect();
        let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        if !values.is_empty() {
            help.push_str(&format!(" [giá trị: {}]", values.join(", ")));
        }
        if !defaults.is_empty() {
            help.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
        }
        arg.help(help).hide_default_value(true).hide_possible_values(true)
    })
}
