"""stub"""
class NameFinder:
    def __init__(self, rules): pass
    def find(self, text, year=None): return []
def load_name_rules(path=None): return None
