import ArgumentParser
import Foundation
import QTFormats
import QTModel
import QTPlan
import QTText

/// `qtplan batch`: the same analyses over many districts, by worker processes that claim districts from a job
/// table in PostGIS (on one machine or several), or over folders on one machine without a database.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Run analyses over many districts: from a job table in PostGIS (any number of workers and machines), or over folders.",
        discussion: """
            With a database: `qtplan batch --jobs PG:… --schema S --add DIR_OR_PG…` lists districts in the job table \
            qtplan_jobs (made on first use); `qtplan batch --jobs PG:… --schema S --run "coverage --all" [--run "landuse \
            --by class,subdistrict"] [--workers N]` starts N worker processes, each claiming one waiting district at a \
            time (FOR UPDATE SKIP LOCKED), running every --run on it in-process and writing the results to the same \
            schema (qtplan_runs and <command>_results, keyed by the job: a rerun replaces them) before marking the job \
            done. A failure is recorded on its job with its error line and the batch goes on; a worker killed even with \
            kill -9 loses nothing (its claim ends with its connection and the job runs again); workers on another \
            machine pointed at the same database simply share the jobs. `--status` prints done, failed, running and \
            waiting; `--retry-failed` sets failed jobs waiting again. Without a database: `qtplan batch DIR… --run … -o \
            OUT` runs the folders in N processes and writes OUT/<folder name>.json per district. Exit 0 when every job \
            is done, 1 when some failed (listed), 64 for a bad --run, 66/73 for a job table that cannot be reached or \
            written, 65 for a job table of another layout.
            """)

    @Option(name: .long, help: ArgumentHelp("The job table's database (PG:dbname=… host=…).", valueName: "PG:…"))
    var jobs: String?

    @Option(name: .long, help: ArgumentHelp("The job table's schema (default public); results are written there too.", valueName: "NAME"))
    var schema: String?

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Districts to add to the job table: folders or PG:… schema=… locations.", valueName: "DISTRICT"))
    var add: [String] = []

    @Option(
        name: .customLong("run"),
        help: ArgumentHelp("An analysis to run on each district, as its command line (coverage, landuse or indicators).", valueName: "COMMAND"))
    var runs: [String] = []

    @Option(name: .long, help: ArgumentHelp("Worker processes (default 1).", valueName: "N"))
    var workers: Int = 1

    @Flag(name: .long, help: "Print how many jobs are done, failed, running and waiting, and the failures.")
    var status = false

    @Flag(name: .long, help: "Set failed jobs waiting again.")
    var retryFailed = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Without --jobs: the folder for one results file per district.", valueName: "DIR"))
    var output: String?

    @Argument(help: ArgumentHelp("Without --jobs: the district folders to run.", valueName: "DIR"))
    var folders: [String] = []

    @Flag(name: .long, help: .hidden)
    var worker = false

    @Option(name: .long, help: .hidden)
    var slot: String?

    func validate() throws {
        guard (1...64).contains(workers) else { throw ValidationError("--workers must be between 1 and 64") }
        for run in runs { _ = try BatchAnalysis(run) }
        if jobs == nil {
            guard !folders.isEmpty || status || retryFailed || !add.isEmpty else {
                throw ValidationError("give --jobs PG:… (a job table), or district folders to run")
            }
            guard !status && !retryFailed && add.isEmpty else { throw ValidationError("--status, --retry-failed and --add need --jobs PG:…") }
            guard output != nil else { throw ValidationError("running folders without --jobs needs -o DIR for the results files") }
            guard !runs.isEmpty else { throw ValidationError("give at least one --run \"coverage --all\" (or landuse, indicators)") }
        } else if !folders.isEmpty {
            throw ValidationError("with --jobs, districts are added with --add, not as arguments")
        } else if add.isEmpty && !status && !retryFailed && runs.isEmpty {
            throw ValidationError("give --add DISTRICT…, --run COMMAND, --status or --retry-failed")
        }
    }

    func run() async throws {
        var failed = false
        try await CommandBody.run {
            let analyses = try runs.map(BatchAnalysis.init)
            if let jobs {
                let table = try JobTable(location(jobs))
                if !add.isEmpty {
                    let ids = try table.add(add)
                    print("added \(ids.count) \(ids.count == 1 ? "job" : "jobs") to \(table.location) table \(JobTable.name)")
                }
                if retryFailed { print("\(try table.retryFailed()) failed jobs set waiting again") }
                if worker {
                    try await BatchWorker(table: table, results: location(jobs), analyses: analyses).run()
                    return
                }
                if !analyses.isEmpty {
                    _ = try table.status() // a missing or changed job table is refused before any worker starts
                    try BatchWorkers.start(count: workers, arguments: workerArguments(), table: table)
                }
                if status || !analyses.isEmpty { failed = try BatchWorkers.report(table) }
            } else if let slot {
                try await BatchWorker.runFolders(folders, slot: slot, analyses: analyses, output: output ?? ".")
            } else {
                try BatchFolders.check(folders, output: output ?? ".")
                failed = try BatchWorkers.runFolders(count: workers, arguments: workerArguments(), folders: folders, output: output ?? ".")
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// `text` with `--schema` added when it names none (as every command's destinations are).
    private func location(_ text: String) -> String { PostGISLocation.naming(text, defaultSchema: schema) }

    /// The arguments of a worker process: these runs and, for folders, the output folder.
    private func workerArguments() throws -> [String] {
        var arguments = ["batch"]
        if let jobs { arguments += ["--jobs", location(jobs)] }
        for run in runs { arguments += ["--run", run] }
        if let output { arguments += ["-o", output] }
        return arguments
    }
}
