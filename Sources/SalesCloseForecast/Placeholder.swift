enum ForecastPlaceholder {}
