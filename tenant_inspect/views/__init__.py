"""Read models: what each screen family shows, as plain frozen dataclasses and one loader each.

Screens never query the database: they ask the app to run one of these loaders in a worker
(``services.read(lambda s: views.x.load_x(s, ...), self.show)``) and draw the dataclasses
it returns. Because the loaders take a plain session and return plain values, they are
tested without Textual, and the report and the screens can share one type where they
describe the same thing.
"""
