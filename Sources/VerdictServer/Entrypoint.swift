import Logging
import Metrics
import Prometheus
import Vapor

/// The `verdict` executable: reads the environment, wires the app, runs the command.
public enum Entrypoint {
    public static func main() async {
        var env: Environment
        do {
            env = try Environment.detect()
            try LoggingSystem.bootstrap(from: &env)
        } catch {
            FileHandle.standardError.write(Data("verdict: \(error)\n".utf8))
            exit(2)
        }
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: Metrics.registry))
        let app: Application
        do {
            app = try await Application.make(env)
        } catch {
            FileHandle.standardError.write(Data("verdict: \(error)\n".utf8))
            exit(1)
        }
        var failed = false
        do {
            try await configure(app, config: try AppConfig.fromEnvironment())
        } catch {
            app.logger.critical("\(String(describing: error))")
            failed = true
        }
        if !failed {
            do {
                try await app.execute()
            } catch {
                // Vapor has already printed the error.
                failed = true
            }
        }
        try? await app.asyncShutdown()
        if failed { exit(1) }
    }
}
