# Reference values for the ETS and Theta kernel tests in
# Tests/SalesCloseForecastTests/ReferenceValueTests.swift. Not run in CI.
#   apt-get install r-cran-forecast      # Debian 12: forecast 8.20
#   Rscript benchmarks/forecast/reference_values.R
# Prints Swift literals to paste into the test file.
suppressMessages(library(forecast))

swift <- function(name, x) {
  cat(sprintf("    static let %s: [Double] = [%s]\n", name, paste(sprintf("%.10g", x), collapse = ", ")))
}

ets_case <- function(label, y, model, damped) {
  fit <- ets(y, model = model, damped = damped)
  fc <- forecast(fit, h = 12, level = c(80, 95), PI = TRUE, simulate = FALSE)
  cat(sprintf("    // %s: ets(%s, model = \"%s\", damped = %s); forecast(fit, h = 12, level = c(80, 95))\n",
              label, deparse(substitute(y)), model, damped))
  swift(paste0(label, "Parameters"), c(fit$par[c("alpha")], ifelse(is.na(fit$par["beta"]), 0, fit$par["beta"]),
                                        ifelse(is.na(fit$par["gamma"]), 0, fit$par["gamma"]),
                                        ifelse(is.na(fit$par["phi"]), 1, fit$par["phi"])))
  swift(paste0(label, "InitialStates"), fit$states[1, ])
  swift(paste0(label, "Fitted"), as.numeric(fitted(fit)))
  swift(paste0(label, "Likelihood"), c(-2 * fit$loglik, fit$sigma2))
  swift(paste0(label, "Mean"), as.numeric(fc$mean))
  swift(paste0(label, "Lower80"), as.numeric(fc$lower[, 1]))
  swift(paste0(label, "Upper95"), as.numeric(fc$upper[, 2]))
}

cat("    // forecast", as.character(packageVersion("forecast")), "\n")
ets_case("additiveDampedAdditive", USAccDeaths, "AAA", TRUE)
ets_case("multiplicativeDampedNone", AirPassengers, "MAN", TRUE)
ets_case("multiplicativeTrendMultiplicative", AirPassengers, "MAM", FALSE)

theta <- thetaf(AirPassengers, h = 12, level = c(80, 95))
cat("    // thetaf(AirPassengers, h = 12, level = c(80, 95)); decompose(AirPassengers, type = \"multiplicative\")$figure\n")
swift("thetaMean", as.numeric(theta$mean))
swift("thetaUpper95", as.numeric(theta$upper[, 2]))
swift("thetaAlphaAndDrift", c(theta$model$alpha, theta$model$drift))
swift("multiplicativeFigure", decompose(AirPassengers, type = "multiplicative")$figure)
