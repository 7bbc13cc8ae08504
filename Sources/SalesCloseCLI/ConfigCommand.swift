import ArgumentParser
import SalesClosePipeline

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print the configuration in effect (file values over defaults) as TOML.")

    @Option(help: "Folder with salesclose.toml, or the .toml file.") var config = "Config"

    func run() throws {
        print(try configurationText(config), terminator: "")
    }
}
