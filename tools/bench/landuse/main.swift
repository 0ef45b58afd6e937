print("placeholder: the land-use benchmark is being written")
