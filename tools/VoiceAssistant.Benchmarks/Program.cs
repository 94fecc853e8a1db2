namespace X { static class P { static void Main() { } } }
