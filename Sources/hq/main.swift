print("hq")
