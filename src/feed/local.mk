# feed module
