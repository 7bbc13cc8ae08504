"""The M3 competition's accuracy measures, shared by the forecast benchmarks."""
import numpy as np

SEASON = 12


def smape(actual, forecast):
    """Symmetric MAPE in percent; a point where actual and forecast are both 0 counts as 0."""
    denominator = np.abs(actual) + np.abs(forecast)
    terms = np.where(denominator > 0, 2 * np.abs(forecast - actual) / np.where(denominator > 0, denominator, 1), 0)
    return 100 * terms.mean()


def mase(train, actual, forecast):
    """Mean absolute error scaled by the in-sample seasonal-naive error (m = 12)."""
    scale = np.mean(np.abs(train[SEASON:] - train[:-SEASON]))
    return np.mean(np.abs(forecast - actual)) / scale
